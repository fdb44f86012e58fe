package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.rootapp.RootSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Password sign-in at {@code j_security_check} against hostile pages and probing clients, in an application at the
 * root context of a real Payara Micro: cross-origin posts (login CSRF), the page replayed after sign-in, and what a
 * wrong guess tells about who has an account.
 */
@ExtendWith(SharedPayara.class)
class SignInHardeningIT {

    private static final String TRUSTED_ORIGIN = "https://www.trusted.example";
    private static final Map<String, String> ALICE_FORM = Map.of("j_username", CognitoFixture.ALICE,
            "j_password", CognitoFixture.PASSWORD);

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url("ROOT");
    }

    static WebArchive deployment() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.allowed-origins", TRUSTED_ORIGIN);
        return TestWars.war("ROOT", settings, RootSecurityConfig.class.getPackage());
    }

    @BeforeEach
    void deployed() {
        assertThat(base).as("deployment URL (see payara-micro.log)").isNotNull();
        assertThat(base.getPath()).as("the application is at the root context").isEqualTo("/");
    }

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static boolean signedIn(Browser browser) {
        HttpResponse<String> page = browser.get("orders", "Accept", "text/html");
        return page.statusCode() == 200 && page.body().equals("caller=" + CognitoFixture.ALICE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Origin, http://evil.example",
            "Origin, null",
            "Referer, http://evil.example/innocent-page.html",
            "Sec-Fetch-Site, cross-site",
            "Sec-Fetch-Site, same-site"})
    void aSignInFormPostedFromAnotherSiteIsRefusedAndSignsNobodyIn(String header, String value) {
        Browser victim = new Browser(base);

        HttpResponse<String> response = victim.postForm("j_security_check", ALICE_FORM, header, value);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("another origin");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(victim)).as("the victim's browser is not signed in as the attacker").isFalse();
    }

    @Test
    void aJsonSignInFromAnotherOriginIsRefusedWithJson() {
        Browser victim = new Browser(base);

        HttpResponse<String> response = victim.postJson("j_security_check", Json.createObjectBuilder()
                .add("username", CognitoFixture.ALICE).add("password", CognitoFixture.PASSWORD).build(),
                "Origin", "http://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(Http.json(response).getString("error")).isEqualTo("CROSS_ORIGIN_REQUEST");
        assertThat(signedIn(victim)).isFalse();
    }

    @Test
    void theApplicationsOwnOriginAnAllowedOneAndNonBrowserClientsSignIn() {
        Browser own = new Browser(base);
        assertThat(own.postForm("j_security_check", ALICE_FORM, "Origin", ownOrigin()).statusCode()).isEqualTo(302);
        assertThat(signedIn(own)).as("same origin").isTrue();

        Browser trusted = new Browser(base);
        assertThat(trusted.postForm("j_security_check", ALICE_FORM, "Origin", TRUSTED_ORIGIN,
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(302);
        assertThat(signedIn(trusted)).as("cognito.allowed-origins").isTrue();

        Browser script = new Browser(base);
        assertThat(script.postForm("j_security_check", ALICE_FORM).statusCode()).isEqualTo(302);
        assertThat(signedIn(script)).as("no Origin, Referer or Sec-Fetch-Site: not a browser").isTrue();
    }

    @Test
    void thePageAskedForBeforeSignInIsReplayed() {
        Browser browser = new Browser(base);
        assertThat(browser.get("orders/7?page=2", "Accept", "text/html").statusCode()).isEqualTo(302);

        HttpResponse<String> signIn = browser.postForm("j_security_check", ALICE_FORM);

        URI location = base(signIn);
        assertThat(location.getHost()).isEqualTo(base.getHost());
        assertThat(location.getPort()).isEqualTo(base.getPort());
        assertThat(location.getRawPath() + "?" + location.getRawQuery()).isEqualTo("/orders/7?page=2");
    }

    @Test
    void aNetworkPathAskedForBeforeSignInIsNotReplayed() {
        Browser browser = new Browser(base);
        HttpResponse<String> lure = browser.getRawPath("//evil.example/phishing", "Accept", "text/html");
        assertThat(lure.statusCode()).as("the lure reached a protected page of the application").isEqualTo(302);

        HttpResponse<String> signIn = browser.postForm("j_security_check", ALICE_FORM);

        URI location = base(signIn);
        assertThat(location.getHost()).as(signIn.headers().toString()).isEqualTo(base.getHost());
        assertThat(location.getPort()).isEqualTo(base.getPort());
        assertThat(location.getRawPath()).isEqualTo("/");
    }

    /**
     * The emulator already answers an unknown user as real Cognito does for a pool that prevents user-existence
     * errors; pools that do not (UserNotFoundException) are covered on Cognito's exact answer in SignInFlowTest.
     */
    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        HttpResponse<String> unknown = new Browser(base).postJson("j_security_check",
                credentials("nobody-" + System.nanoTime(), CognitoFixture.PASSWORD));
        HttpResponse<String> wrongPassword = new Browser(base).postJson("j_security_check",
                credentials(CognitoFixture.ALICE, "Wr0ng-Passw0rd"));

        assertThat(unknown.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongPassword.body())
                .isEqualTo("{\"error\":\"NOT_AUTHORIZED\",\"message\":\"Incorrect username or password.\"}");
    }

    private static JsonObject credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build();
    }

    /** The redirect's target, resolved against the request's URL as a browser would. */
    private static URI base(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return redirect.request().uri().resolve(location);
    }
}
