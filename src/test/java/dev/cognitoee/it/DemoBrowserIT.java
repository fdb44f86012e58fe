package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.demo.Chromium;
import dev.cognitoee.it.demo.DemoPool;
import dev.cognitoee.it.demo.DemoStack;
import dev.cognitoee.it.demo.QrImages;
import dev.cognitoee.it.demo.Totp;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SetCookie;
import dev.cognitoee.it.support.TestSettings;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The demo as a user sees it, in a real browser (headless Chromium): the demo stack as {@code mvn -Pdemo} starts it,
 * with every sign-in path of its login page, the pages for signed-in users, groups and S3 files, and sign-out.
 * Screenshots of the main path go to {@code cognitoee.screenshotDir}.
 */
@EnabledIf(value = "dev.cognitoee.it.demo.Chromium#installed", disabledReason = Chromium.MISSING)
class DemoBrowserIT {

    private static DemoStack demo;
    private static Path screenshots;
    private ChromeDriver browser;

    @BeforeAll
    static void startDemo() throws IOException {
        demo = DemoStack.start(FreePort.next(), FreePort.next());
        screenshots = Files.createDirectories(Path.of(TestSettings.required("cognitoee.screenshotDir")));
    }

    @AfterAll
    static void stopDemo() {
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(TestSettings.buildDir().resolve("chromium-" + UUID.randomUUID()));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInProfileFilesAdminAndSignOut() throws IOException {
        open("profile");
        assertThat(browser.getCurrentUrl()).as("a protected page sends the browser to the sign-in page")
                .endsWith("/login");
        text("username").sendKeys(DemoPool.DEMO);
        text("password").sendKeys(DemoPool.PASSWORD);
        screenshot("1-sign-in");
        click("sign-in");

        assertThat(browser.getCurrentUrl()).as("back to the page first asked for").endsWith("/profile");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        // The raw header, as the server sends it: Chromium reads a cookie without SameSite as Lax, so its view of
        // the cookie cannot tell whether the server set the attribute.
        SetCookie sent = SetCookie.session(new Browser(demo.url()).get("profile", "Accept", "text/html"));
        assertThat(sent.attribute("SameSite")).as("no cross-site POST carries the session: %s", sent)
                .isEqualToIgnoringCase("Lax");
        assertThat(sent.has("HttpOnly")).as(sent.header()).isTrue();
        assertThat(text("caller").getText()).isEqualTo(DemoPool.DEMO);
        assertThat(text("groups").getText()).contains("admin", "user");
        assertThat(text("claims").getText()).contains("token_use access").contains("username demo")
                .as("the token itself never reaches the browser").doesNotContain("raw_token");
        assertThat(text("attributes").getText()).contains("email demo@example.com");
        screenshot("2-profile");

        open("files");
        assertThat(text("files").getText()).contains("No files yet.");
        Path file = Files.writeString(TestSettings.buildDir().resolve("notes-" + UUID.randomUUID() + ".txt"),
                "hello from the browser test");
        text("file").sendKeys(file.toString());
        click("upload");
        assertThat(text("uploaded").getText()).contains(file.getFileName().toString());
        assertThat(text("files").getText()).contains(file.getFileName().toString())
                .contains(Long.toString(Files.size(file)));
        assertThat(browser.getPageSource()).as("the caller's own folder")
                .containsPattern("private/us-east-1:[0-9a-f-]{36}/");
        screenshot("3-my-files");

        open("admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
        assertThat(text("activity").getText()).contains("demo signed in (form)");
        screenshot("4-admin");

        click("sign-out");
        assertThat(text("notice").getText()).isEqualTo("You are signed out.");
        open("profile");
        assertThat(browser.getCurrentUrl()).as("the session is over").endsWith("/login");
        open("");
        assertThat(browser.findElements(By.id("activity"))).as("no usernames for anonymous visitors").isEmpty();

        signIn(DemoPool.READER, DemoPool.PASSWORD);
        open("");
        assertThat(text("activity").getText()).contains("demo signed out (sign out)")
                .as("failures are for the admin page").doesNotContain("failed");
        screenshot("5-home");
    }

    @Test
    void signInThroughTheHostedUiAndOutThroughCognitosLogout() throws IOException {
        open("login");
        click("hosted-ui");
        assertThat(browser.getCurrentUrl()).as("the hosted UI's authorize endpoint, with PKCE S256")
                .startsWith(demo.hostedUi().baseUri() + "/oauth2/authorize?")
                .contains("code_challenge_method=S256").contains("nonce=").contains("state=");
        browser.findElement(By.name("username")).sendKeys(DemoPool.DEMO);
        browser.findElement(By.name("password")).sendKeys(DemoPool.PASSWORD);
        screenshot("6-hosted-ui");
        submitWith(browser.findElement(By.cssSelector("button[type=submit]")));

        assertThat(browser.getCurrentUrl()).as("back on the page the demo asked for, not on the callback")
                .isEqualTo(demo.url() + "profile");
        assertThat(text("caller").getText()).isEqualTo(DemoPool.DEMO);
        assertThat(text("groups").getText()).contains("admin", "user");
        open("admin");
        assertThat(text("activity").getText()).contains("demo signed in (hosted ui)")
                .contains("demo came back from the hosted UI with state demo-login-page");

        click("sign-out");
        assertThat(demo.hostedUi().logouts()).as("the browser went through Cognito's /logout").hasSize(1);
        assertThat(demo.hostedUi().logouts().get(0).getQuery())
                .contains("client_id=" + demo.pool().clientId())
                .contains("logout_uri=" + demo.url() + DemoPool.SIGNED_OUT);
        assertThat(browser.getCurrentUrl()).isEqualTo(demo.url() + DemoPool.SIGNED_OUT);
        assertThat(text("notice").getText()).isEqualTo("You are signed out.");
        open("profile");
        assertThat(browser.getCurrentUrl()).as("the session is over").endsWith("/login");
    }

    @Test
    void aWrongPasswordIsSaidSoOnTheSignInPage() {
        signIn(DemoPool.READER, "not-the-password");
        assertThat(browser.getCurrentUrl()).contains("/login?error=NOT_AUTHORIZED");
        assertThat(text("error").getText()).isEqualTo("Incorrect username or password.");
        open("profile");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aMemberOfAnotherGroupIsForbiddenTheAdminPage() {
        signIn(DemoPool.READER, DemoPool.PASSWORD);
        assertThat(text("caller").getText()).as("signed in, on the default page").isEqualTo(DemoPool.READER);
        open("admin");
        assertThat(text("forbidden").getText()).isEqualTo("Not for you");
        assertThat(browser.getPageSource()).doesNotContain("Sign-in activity");
    }

    @Test
    void aTemporaryPasswordMustBeReplaced() throws IOException {
        signIn(DemoPool.NEWBIE, DemoPool.TEMPORARY_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login?step=CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");
        screenshot("6-new-password");
        open("profile");
        assertThat(browser.getCurrentUrl()).as("not signed in before the new password").endsWith("/login");

        signIn(DemoPool.NEWBIE, DemoPool.TEMPORARY_PASSWORD);
        text("answer").sendKeys("N3w-Passw0rd-For-Newbie");
        click("confirm");
        assertThat(browser.getCurrentUrl()).endsWith("/profile");
        assertThat(text("caller").getText()).isEqualTo(DemoPool.NEWBIE);
    }

    @Test
    void anAuthenticatorCodeIsAskedForAndChecked() throws IOException {
        signIn(DemoPool.TOTP_USER, DemoPool.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login?step=CONFIRM_SIGN_IN_WITH_TOTP_CODE");
        screenshot("7-authenticator-code");
        String wrong = Totp.code(demo.pool().totpSecret(), Instant.now().minusSeconds(3600));
        text("answer").sendKeys(wrong);
        click("confirm");
        assertThat(text("error").getText()).isEqualTo("That code is not right. Try again.");

        signIn(DemoPool.TOTP_USER, DemoPool.PASSWORD);
        text("answer").sendKeys(Totp.code(demo.pool().totpSecret(), Instant.now()));
        click("confirm");
        assertThat(browser.getCurrentUrl()).endsWith("/profile");
        assertThat(text("caller").getText()).isEqualTo(DemoPool.TOTP_USER);
    }

    @Test
    void anAuthenticatorIsSetUpWhileSignedInFromItsQrCode() throws Exception {
        String username = "mfa-" + UUID.randomUUID().toString().substring(0, 8);
        try (CognitoIdentityProviderClient cognito = demo.emulator().client()) {
            cognito.adminCreateUser(b -> b.userPoolId(demo.pool().poolId()).username(username)
                    .messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(b -> b.userPoolId(demo.pool().poolId()).username(username)
                    .password(DemoPool.PASSWORD).permanent(true));
        }
        signIn(username, DemoPool.PASSWORD);
        click("mfa-link");
        assertThat(text("mfa-enabled").getText()).isEqualTo("none");

        click("totp-setup");
        String secret = text("totp-secret").getText();
        String qr = text("totp-qr").getAttribute("src");
        assertThat(qr).startsWith("data:image/png;base64,");
        assertThat(QrImages.decode(qr)).as("the QR code is the authenticator's otpauth:// URI")
                .isEqualTo("otpauth://totp/Cognito%20EE%20demo:" + username + "?secret=" + secret
                        + "&issuer=Cognito%20EE%20demo");
        screenshot("8-authenticator-setup");
        text("totp-code").sendKeys(Totp.code(secret, Instant.now()));
        click("totp-verify");
        assertThat(text("notice").getText()).isEqualTo("Your authenticator app is set up: turn it on below.");

        new Select(text("mfa-totp")).selectByValue("PREFERRED");
        click("mfa-save");
        assertThat(text("mfa-enabled").getText()).isEqualTo("TOTP");
        assertThat(text("mfa-preferred").getText()).isEqualTo("TOTP");

        click("sign-out");
        signIn(username, DemoPool.PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login?step=CONFIRM_SIGN_IN_WITH_TOTP_CODE");
    }

    @Test
    void signUpConfirmWithTheEmailedCodeThenSignIn() {
        String username = "visitor-" + UUID.randomUUID().toString().substring(0, 8);
        open("signup");
        text("username").sendKeys(username);
        text("email").sendKeys(username + "@example.com");
        text("password").sendKeys("Visit0r-Passw0rd");
        click("sign-up");
        assertThat(browser.getCurrentUrl()).contains("/signup/confirm?username=" + username);

        text("code").sendKeys("000000");
        click("confirm");
        assertThat(text("error").getText()).isEqualTo("That code is not right. Try again.");

        text("code").sendKeys(demo.emulator().confirmationCode(demo.pool().poolId(), username));
        click("confirm");
        assertThat(text("notice").getText()).isEqualTo("Your account is confirmed: sign in.");
        signIn(username, "Visit0r-Passw0rd");
        assertThat(text("caller").getText()).isEqualTo(username);
        assertThat(text("groups").getText()).isEqualTo("none");
    }

    @Test
    void aForgottenPasswordIsResetWithTheEmailedCode() {
        String username = "forgetful-" + UUID.randomUUID().toString().substring(0, 8);
        open("signup");
        text("username").sendKeys(username);
        text("email").sendKeys(username + "@example.com");
        text("password").sendKeys("F1rst-Passw0rd");
        click("sign-up");
        text("code").sendKeys(demo.emulator().confirmationCode(demo.pool().poolId(), username));
        click("confirm");

        open("reset");
        text("username").sendKeys(username);
        click("send-code");
        assertThat(browser.getCurrentUrl()).contains("/reset/confirm?username=" + username);
        text("code").sendKeys(demo.emulator().confirmationCode(demo.pool().poolId(), username));
        text("password").sendKeys("S3cond-Passw0rd");
        click("confirm");
        assertThat(text("notice").getText()).isEqualTo("Your password is changed: sign in with the new one.");

        signIn(username, "F1rst-Passw0rd");
        assertThat(text("error").getText()).isEqualTo("Incorrect username or password.");
        signIn(username, "S3cond-Passw0rd");
        assertThat(text("caller").getText()).isEqualTo(username);
    }

    @Test
    void aFileWithAnOddNameIsRefusedWithAMessage() throws IOException {
        signIn(DemoPool.READER, DemoPool.PASSWORD);
        open("files");
        Path odd = Files.writeString(TestSettings.buildDir().resolve("semi;colon-" + UUID.randomUUID() + ".txt"), "x");
        text("file").sendKeys(odd.toString());
        click("upload");
        assertThat(text("error").getText()).isEqualTo("Choose a file first (at most 10 MB, a plain name).");
        assertThat(text("files").getText()).contains("No files yet.");
    }

    @Test
    void theJsonApiTakesCognitoAccessTokens() {
        HttpResponse<String> me = Http.getWithBearer(demo.url(), "api/me", accessToken(DemoPool.DEMO));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonObject caller = Http.json(me);
        assertThat(caller.getString("caller")).isEqualTo(DemoPool.DEMO);
        assertThat(caller.getBoolean("admin")).isTrue();
        assertThat(caller.getString("tokenUse")).isEqualTo("access");

        assertThat(Http.get(demo.url(), "api/me").statusCode()).as("no token").isEqualTo(401);
        assertThat(Http.getWithBearer(demo.url(), "api/me", "not.a.token").statusCode()).isEqualTo(401);
        String readerToken = accessToken(DemoPool.READER);
        HttpResponse<String> forbidden = Http.getWithBearer(demo.url(), "api/admin/activity", readerToken);
        assertThat(forbidden.statusCode()).as("not in the admin group").isEqualTo(403);
        assertThat(Http.json(forbidden).getString("error")).as("the API's answer, not the pages' error page")
                .isEqualTo("forbidden");
        HttpResponse<String> activity = Http.getWithBearer(demo.url(), "api/admin/activity",
                accessToken(DemoPool.DEMO));
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(activity.body()).startsWith("[");
    }

    @Test
    void aPasskeyIsRegisteredThroughTheBrowserListedAndDeleted() throws IOException {
        // Chromium's virtual authenticator, as a phone's or laptop's built-in one: resident keys, user verified
        VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        int accepted = demo.passkeys().registrationsAccepted();
        signIn(DemoPool.READER, DemoPool.PASSWORD);
        open("passkeys");
        assertThat(text("no-passkeys").getText()).isEqualTo("No passkeys yet.");

        browser.executeScript("window.submittedFrom = true");
        text("register-passkey").click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .withMessage(() -> "the page says: " + browser.findElements(By.id("passkey-status")).stream()
                        .map(WebElement::getText).findFirst().orElse("(left)"))
                .until(page -> browser.executeScript("return window.submittedFrom") == null
                        && "complete".equals(browser.executeScript("return document.readyState")));
        assertThat(text("notice").getText()).isEqualTo("Your passkey is registered.");
        assertThat(authenticator.getCredentials()).as("the browser's authenticator made it").hasSize(1);
        String credentialId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(authenticator.getCredentials().get(0).getId());
        assertThat(browser.findElements(By.cssSelector("#passkeys .credential-id"))).extracting(WebElement::getText)
                .as("listed by Cognito (the stand-in), under the id the authenticator gave it")
                .containsExactly(credentialId);
        assertThat(text("passkeys").getText()).contains("localhost").contains("platform").contains("internal");
        assertThat(demo.passkeys().registrationsAccepted()).as("its attestation verified").isEqualTo(accepted + 1);
        screenshot("6-passkeys");

        submitWith(browser.findElement(By.cssSelector("#passkeys .delete-passkey")));
        assertThat(text("notice").getText()).isEqualTo("The passkey is deleted.");
        assertThat(text("no-passkeys").getText()).isEqualTo("No passkeys yet.");
        browser.removeVirtualAuthenticator(authenticator);
    }

    private static String accessToken(String username) {
        try (CognitoIdentityProviderClient cognito = demo.emulator().client()) {
            return DemoPool.accessToken(cognito, demo.pool().clientId(), username);
        }
    }

    private void signIn(String username, String password) {
        open("login");
        text("username").sendKeys(username);
        text("password").sendKeys(password);
        click("sign-in");
        if (browser.getCurrentUrl().endsWith("/demo/")) { // signed in with no page asked for first
            open("profile");
        }
    }

    private void open(String path) {
        browser.get(demo.url() + path);
        assertThat(browser.getPageSource()).as("no page of the demo fails")
                .doesNotContain("Something went wrong");
    }

    private WebElement text(String id) {
        List<WebElement> found = browser.findElements(By.id(id));
        assertThat(found).as("#%s on %s", id, browser.getCurrentUrl()).isNotEmpty();
        return found.get(0);
    }

    /**
     * Clicks a button that submits a form, and waits until the next page has loaded: a new document, which has not
     * got the mark this one gets before the click.
     */
    private void click(String id) {
        submitWith(text(id));
    }

    private void submitWith(WebElement button) {
        browser.executeScript("window.submittedFrom = true");
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class) // asked between two documents, the browser may answer an error
                .until(page -> browser.executeScript("return window.submittedFrom") == null
                        && "complete".equals(browser.executeScript("return document.readyState")));
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, screenshots.resolve("demo-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
