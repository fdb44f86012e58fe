package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.JWT;
import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LambdaRecorder;
import dev.cognitoee.it.support.LambdaRecorder.Invocation;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account API and browser sessions in a real Payara Micro against the emulator, with the emulator's Lambda
 * triggers recorded: sign-up to sign-out, challenges, refresh, events, and where clientMetadata arrives.
 */
@ExtendWith(SharedPayara.class)
class AccountIT {

    private static final String APP = "account";
    private static final String NEW_PASSWORD = "Br4nd-New-Passw0rd";
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        CognitoFixture fixture = CognitoFixture.shared();
        Map<String, String> settings = TestWars.poolSettings(fixture);
        // A session is due for refresh a minute before its tokens expire; the tests move the server's clock there.
        settings.put("cognito.refresh-ahead", Long.toString(REFRESH_AHEAD.toSeconds()));
        return TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addAsWebResource(new StringAsset("<form method='post' action='j_security_check'>"
                        + "<input name='j_username'><input name='j_password' type='password'></form>"), "login.html");
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset(base);
    }

    private static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    private static String newUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject json(Object... keyValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Map<?, ?> map) {
                var nested = Json.createObjectBuilder();
                map.forEach((k, v) -> nested.add((String) k, (String) v));
                builder.add((String) keyValues[i], nested);
            } else if (value instanceof Boolean flag) {
                builder.add((String) keyValues[i], flag);
            } else {
                builder.add((String) keyValues[i], (String) value);
            }
        }
        return builder.build();
    }

    private List<String> events(String username) {
        return Http.json(Http.get(base, "api/events/" + username)).getJsonArray("sync")
                .getValuesAs(JsonString::getString);
    }

    private List<String> asyncEvents(String username) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        List<String> async = List.of();
        while (Instant.now().isBefore(deadline) && async.isEmpty()) {
            async = Http.json(Http.get(base, "api/events/" + username)).getJsonArray("async")
                    .getValuesAs(JsonString::getString);
            Thread.sleep(100);
        }
        return async;
    }

    private static Invocation trigger(String username, String triggerSource) {
        return LambdaRecorder.shared().invocationsFor(username).stream()
                .filter(i -> i.triggerSource().equals(triggerSource)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(triggerSource + " was not invoked for " + username + "; got "
                        + LambdaRecorder.shared().invocationsFor(username)));
    }

    private String signUpAndConfirm(Browser browser, String username) {
        HttpResponse<String> signUp = browser.postJson("api/account/sign-up", json("username", username,
                "password", CognitoFixture.PASSWORD, "email", username + "@example.com",
                "clientMetadata", Map.of("step", "signUp")));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
        JsonObject result = Http.json(signUp);
        assertThat(result.getBoolean("isSignUpComplete")).isFalse();
        assertThat(result.getString("nextStep")).isEqualTo("CONFIRM_SIGN_UP");
        assertThat(result.getString("userId")).isNotBlank();

        String code = fixture().emulator().confirmationCode(fixture().poolId, username);
        HttpResponse<String> confirm = browser.postJson("api/account/confirm-sign-up", json("username", username,
                "code", code, "clientMetadata", Map.of("step", "confirmSignUp")));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(Http.json(confirm).getBoolean("isSignUpComplete")).isTrue();
        fixture().addToGroup(username, "user"); // as a PostConfirmation trigger of a real application would
        return code;
    }

    private static HttpResponse<String> jsonSignIn(Browser browser, String username, String password) {
        return browser.postJson("j_security_check", json("username", username, "password", password));
    }

    @Test
    void signUpConfirmSignInUseAndSignOut() throws Exception {
        String username = newUsername("fiona");
        Browser browser = new Browser(base);
        signUpAndConfirm(browser, username);

        assertThat(trigger(username, "PreSignUp_SignUp").clientMetadata()).containsEntry("step", "signUp");
        assertThat(trigger(username, "PostConfirmation_ConfirmSignUp").clientMetadata())
                .containsEntry("step", "confirmSignUp");

        assertThat(browser.get("api/profile").statusCode()).isEqualTo(401);
        String anonymousSession = browser.sessionId();

        HttpResponse<String> signIn = jsonSignIn(browser, username, CognitoFixture.PASSWORD);
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isTrue();
        assertThat(Http.json(signIn).getJsonObject("nextStep").getString("signInStep")).isEqualTo("DONE");
        assertThat(signIn.body()).doesNotContain("eyJ"); // no token leaves the server
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly"));
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(anonymousSession);

        HttpResponse<String> profile = browser.get("api/profile");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat(Http.json(profile).getString("name")).isEqualTo(username);

        JsonObject session = Http.json(browser.get("api/account/session"));
        assertThat(session.getBoolean("isSignedIn")).isTrue();
        assertThat(session.getString("username")).isEqualTo(username);

        HttpResponse<String> signOut = browser.postJson("api/account/sign-out", json());
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(401);
        assertThat(Http.json(browser.get("api/account/session")).getBoolean("isSignedIn")).isFalse();

        assertThat(events(username)).containsExactly(
                "SignedIn " + username + " FORM groups=[user] sub=true",
                "SignedOut " + username + " SIGN_OUT global=false");
        assertThat(asyncEvents(username)).containsExactly("SignedIn " + username);
    }

    @Test
    void clientMetadataReachesThePasswordResetAndAttributeTriggers() {
        String username = newUsername("gina");
        Browser browser = new Browser(base);
        signUpAndConfirm(browser, username);

        HttpResponse<String> reset = browser.postJson("api/account/reset-password", json("username", username,
                "clientMetadata", Map.of("step", "resetPassword")));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        assertThat(trigger(username, "CustomMessage_ForgotPassword").clientMetadata())
                .containsEntry("step", "resetPassword");

        String code = fixture().emulator().confirmationCode(fixture().poolId, username);
        HttpResponse<String> confirm = browser.postJson("api/account/confirm-reset-password", json(
                "username", username, "password", NEW_PASSWORD, "code", code,
                "clientMetadata", Map.of("step", "confirmResetPassword")));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(trigger(username, "PostConfirmation_ConfirmForgotPassword").clientMetadata())
                .containsEntry("step", "confirmResetPassword");

        assertThat(jsonSignIn(browser, username, CognitoFixture.PASSWORD).statusCode())
                .as("the old password no longer works").isEqualTo(401);
        assertThat(jsonSignIn(browser, username, NEW_PASSWORD).statusCode()).isEqualTo(200);

        HttpResponse<String> update = browser.postJson("api/account/update-attributes", json(
                "attributes", Map.of("email", "changed-" + username + "@example.com"),
                "clientMetadata", Map.of("step", "updateUserAttributes")));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        assertThat(trigger(username, "CustomMessage_UpdateUserAttribute").clientMetadata())
                .containsEntry("step", "updateUserAttributes");
        assertThat(Http.json(browser.get("api/account/attributes")).getString("email"))
                .isEqualTo("changed-" + username + "@example.com");
    }

    @Test
    void aRejectingPreSignUpTriggerIsALambdaValidationOutcomeWithItsMessage() {
        String username = newUsername("henry");
        HttpResponse<String> signUp = new Browser(base).postJson("api/account/sign-up", json("username", username,
                "password", CognitoFixture.PASSWORD, "email", username + "@example.com",
                "clientMetadata", Map.of("reject", "Sign-ups are closed this week")));

        assertThat(signUp.statusCode()).isEqualTo(400);
        JsonObject error = Http.json(signUp);
        assertThat(error.getString("error")).isEqualTo("LAMBDA_VALIDATION");
        assertThat(error.getString("message")).contains("Sign-ups are closed this week");
    }

    @Test
    void theNewPasswordChallengeIsAnsweredWithConfirmSignIn() throws Exception {
        String username = newUsername("ivan");
        fixture().createUserWithTemporaryPassword(username);
        Browser browser = new Browser(base);

        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", json("username", username,
                "password", CognitoFixture.TEMPORARY_PASSWORD, "clientMetadata", Map.of("step", "signIn")));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isFalse();
        assertThat(Http.json(signIn).getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(401);

        HttpResponse<String> confirm = browser.postJson("api/account/confirm-sign-in", json("answer", NEW_PASSWORD,
                "clientMetadata", Map.of("step", "confirmSignIn")));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(Http.json(confirm).getBoolean("isSignedIn")).isTrue();
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(200);

        assertThat(trigger(username, "PostAuthentication_Authentication").clientMetadata())
                .containsEntry("step", "confirmSignIn");
        assertThat(trigger(username, "TokenGeneration_Authentication").clientMetadata())
                .containsEntry("step", "confirmSignIn");
        assertThat(events(username)).containsExactly("SignedIn " + username + " CHALLENGE groups=[user] sub=true");

        HttpResponse<String> again = browser.postJson("api/account/confirm-sign-in", json("answer", "x"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Http.json(again).getString("error")).isEqualTo("NO_SIGN_IN_IN_PROGRESS");
    }

    @Test
    void aWrongPasswordIsA401AndASignInFailedEvent() {
        String username = newUsername("jane");
        fixture().createUser(username, "user");
        Browser browser = new Browser(base);

        HttpResponse<String> signIn = jsonSignIn(browser, username, "Not-the-Passw0rd");

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(Http.json(signIn).getString("error")).isEqualTo("NOT_AUTHORIZED");
        assertThat(signIn.body()).doesNotContain("Not-the-Passw0rd");
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(401);
        assertThat(events(username)).containsExactly("SignInFailed " + username + " FORM NOT_AUTHORIZED");
    }

    @Test
    void anUnconfirmedUserIsToldToConfirmTheSignUp() {
        String username = newUsername("kim");
        Browser browser = new Browser(base);
        assertThat(browser.postJson("api/account/sign-up", json("username", username, "password",
                CognitoFixture.PASSWORD, "email", username + "@example.com")).statusCode()).isEqualTo(200);

        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", json("username", username,
                "password", CognitoFixture.PASSWORD));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isFalse();
        assertThat(Http.json(signIn).getString("nextStep")).isEqualTo("CONFIRM_SIGN_UP");
        assertThat(events(username)).containsExactly("SignInFailed " + username + " PASSWORD USER_NOT_CONFIRMED");
    }

    @Test
    void aThrowingObserverDoesNotBreakSignIn() {
        String username = newUsername("throws-lee");
        fixture().createUser(username, "user");
        Browser browser = new Browser(base);

        assertThat(jsonSignIn(browser, username, CognitoFixture.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void aBearerCallerIsTheCallerEvenWithAnotherUsersSessionCookie() {
        String bob = newUsername("bob");
        String alice = newUsername("alice");
        fixture().createUser(bob, "user");
        fixture().createUser(alice, "user");
        Browser bobsBrowser = new Browser(base);
        assertThat(jsonSignIn(bobsBrowser, bob, CognitoFixture.PASSWORD).statusCode()).isEqualTo(200);
        String alicesToken = fixture().signIn(alice).accessToken();

        JsonObject session = Http.json(bobsBrowser.get("api/account/session", "Authorization", "Bearer " + alicesToken));
        assertThat(session.getString("username")).as("fetchAuthSession").isEqualTo(alice);

        HttpResponse<String> signOut = bobsBrowser.postJson("api/account/sign-out", json("global", false),
                "Authorization", "Bearer " + alicesToken);
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(Http.json(bobsBrowser.get("api/account/session")).getString("username"))
                .as("alice's sign-out left bob's session alone").isEqualTo(bob);
    }

    @Test
    void getCurrentUserNamesTheSessionsUserOrTheBearerCallerByUsernameAndSub() {
        String carol = newUsername("carol");
        String dave = newUsername("dave");
        fixture().createUser(carol, "user");
        fixture().createUser(dave, "user");
        Browser browser = new Browser(base);

        HttpResponse<String> nobody = browser.get("api/account/current-user");
        assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(401);
        assertThat(Http.json(nobody).getString("error")).isEqualTo("NOT_SIGNED_IN");

        assertThat(jsonSignIn(browser, carol, CognitoFixture.PASSWORD).statusCode()).isEqualTo(200);
        JsonObject session = Http.json(browser.get("api/account/current-user"));
        assertThat(session.getString("username")).isEqualTo(carol);
        assertThat(session.getString("userId")).as("carol's sub, as Cognito's own token says")
                .isEqualTo(JWT.decodeJWT(fixture().signIn(carol).accessToken()).subject());

        String davesToken = fixture().signIn(dave).accessToken();
        JsonObject bearer = Http.json(browser.get("api/account/current-user", "Authorization", "Bearer " + davesToken));
        assertThat(bearer.getString("username")).as("the bearer caller, not the session's user").isEqualTo(dave);
        assertThat(bearer.getString("userId")).isEqualTo(JWT.decodeJWT(davesToken).subject())
                .isNotEqualTo(session.getString("userId"));
    }

    @Test
    void concurrentRequestsOfOneSessionRefreshOnce() throws Exception {
        String username = newUsername("mia");
        fixture().createUser(username, "user");
        Browser browser = new Browser(base);
        assertThat(jsonSignIn(browser, username, CognitoFixture.PASSWORD).statusCode()).isEqualTo(200);
        JsonObject first = Http.json(browser.get("api/profile"));
        long firstExp = first.getJsonNumber("exp").longValue();
        String sessionId = browser.sessionId();

        ServerClock.moveTo(base, Instant.ofEpochSecond(firstExp).minus(REFRESH_AHEAD).plusSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(browser.getAsync("api/profile"));
        }
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        assertThat(events(username)).containsExactly(
                "SignedIn " + username + " FORM groups=[user] sub=true",
                "TokenRefreshed " + username);
        assertThat(LambdaRecorder.shared().invocationsFor(username).stream()
                .filter(i -> i.triggerSource().equals("TokenGeneration_RefreshTokens")).count()).isEqualTo(1);
        JsonObject refreshed = Http.json(browser.get("api/profile"));
        assertThat(refreshed.getString("jti")).as("the session's token is the refreshed one")
                .isNotEqualTo(first.getString("jti"));
        // The emulator mints on real time (not moved): the new token expires no sooner, the same second at the least.
        assertThat(refreshed.getJsonNumber("exp").longValue()).isGreaterThanOrEqualTo(firstExp);
        assertThat(browser.sessionId()).as("a refresh keeps the session id").isEqualTo(sessionId);
    }

    @Test
    void aBrowserIsSentToTheLoginPageAndBackAfterTheForm() {
        String username = newUsername("nora");
        fixture().createUser(username, "user");
        Browser browser = new Browser(base);

        HttpResponse<String> page = browser.get("profile.html", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account/login.html"));

        HttpResponse<String> wrong = browser.postForm("j_security_check",
                Map.of("j_username", username, "j_password", "Wr0ng-Password"));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/account/login.html?error=NOT_AUTHORIZED"));

        HttpResponse<String> right = browser.postForm("j_security_check",
                Map.of("j_username", username, "j_password", CognitoFixture.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/account/profile.html"));

        HttpResponse<String> after = browser.get("profile.html", "Accept", "text/html");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Signed in as " + username);
    }

    @Test
    void securityContextAuthenticateSignsInThroughTheIdentityStore() {
        String username = newUsername("omar");
        fixture().createUser(username, "user");
        Browser browser = new Browser(base);

        JsonObject wrong = Http.json(browser.postJson("api/account/authenticate",
                json("username", username, "password", "Wr0ng-Password")));
        assertThat(wrong.getString("status")).isEqualTo("SEND_FAILURE");

        JsonObject right = Http.json(browser.postJson("api/account/authenticate",
                json("username", username, "password", CognitoFixture.PASSWORD)));
        assertThat(right.getString("status")).isEqualTo("SUCCESS");
        assertThat(right.getString("caller")).isEqualTo(username);
        assertThat(right.getBoolean("isUser")).isTrue();
        assertThat(browser.get("api/profile").statusCode()).as("the session is signed in too").isEqualTo(200);
    }

    @Test
    void aMalformedSignInPostIsABadRequestNotAnError() {
        Browser browser = new Browser(base);
        HttpResponse<String> missing = browser.postJson("j_security_check", json("username", "someone"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Http.json(missing).getString("error")).isEqualTo("INVALID_PARAMETER");

        HttpResponse<String> garbage = browser.postJson("j_security_check", json());
        assertThat(garbage.statusCode()).isEqualTo(400);
    }
}
