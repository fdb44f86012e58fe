package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.seal.SessionForgeryServlet;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LambdaRecorder;
import dev.cognitoee.it.support.PayaraLog;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens at rest in a real Payara Micro against the emulator: a {@code <distributable/>} application with a
 * configured key list deploys and signs users in; a session whose refresh token is sealed under a retired key is
 * signed out at its next request, and one whose seal was altered at its next refresh, each cleanly (401 for the API,
 * the sign-in page for a browser, a {@code SignedOut} event, a log line without a token), never a 500, and without
 * a refresh call to Cognito. Both states are made by a test-only servlet ({@link SessionForgeryServlet}); the
 * deployment failure of a distributable application without a key is in {@link DeploymentFailureIT}.
 */
@ExtendWith(SharedPayara.class)
class SessionEncryptionIT {

    private static final String APP = "sealed";
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);
    private static final String NEW_KEY = randomKey();
    private static final String OLD_KEY = randomKey();

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.refresh-ahead", Long.toString(REFRESH_AHEAD.toSeconds()));
        settings.put("cognito.session-encryption-key", "k2026:" + NEW_KEY + ",k2025:" + OLD_KEY);
        return TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addClass(SessionForgeryServlet.class)
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                        + "<distributable/></web-app>"))
                .addAsWebResource(new StringAsset("<form method='post' action='j_security_check'>"
                        + "<input name='j_username'><input name='j_password' type='password'></form>"), "login.html");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset(base);
    }

    private Browser signedIn(String username) {
        CognitoFixture.shared().createUser(username, "user");
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postJson("j_security_check", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(200);
        return browser;
    }

    private static void forge(Browser browser, String how) {
        HttpResponse<String> forged = browser.putText("test-session-forgery", how);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(204);
    }

    private List<String> events(String username) {
        return Http.json(Http.get(base, "api/events/" + username)).getJsonArray("sync")
                .getValuesAs(JsonString::getString);
    }

    private static long refreshCalls(String username) {
        return LambdaRecorder.shared().invocationsFor(username).stream()
                .filter(i -> i.triggerSource().equals("TokenGeneration_RefreshTokens")).count();
    }

    private static void assertCleanRefusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("eyJ");
    }

    @Test
    void aSignedInSessionRefreshesWithItsSealedRefreshToken() {
        String username = "sealed-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = signedIn(username);
        long exp = Http.json(browser.get("api/profile")).getJsonNumber("exp").longValue();

        ServerClock.moveTo(base, Instant.ofEpochSecond(exp).minus(REFRESH_AHEAD).plusSeconds(1));

        HttpResponse<String> refreshed = browser.get("api/profile");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshCalls(username)).as("Cognito got the refresh token, opened").isEqualTo(1);
        assertThat(events(username)).containsExactly("SignedIn " + username + " FORM groups=[user] sub=true",
                "TokenRefreshed " + username);
        assertThat(PayaraLog.read()).doesNotContain(NEW_KEY).doesNotContain(OLD_KEY);
    }

    @Test
    void aSessionUnderARetiredKeyIsSignedOutAtItsNextRequest() {
        String username = "retired-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = signedIn(username);

        forge(browser, "retired");

        assertCleanRefusal(browser.get("api/profile"));
        assertThat(browser.get("api/profile").statusCode()).as("and stays signed out").isEqualTo(401);
        assertThat(events(username)).containsExactly("SignedIn " + username + " FORM groups=[user] sub=true",
                "SignedOut " + username + " SESSION_UNREADABLE global=false");
        assertThat(refreshCalls(username)).isZero();
        assertThat(PayaraLog.read()).contains("Signing " + username + " out: the refresh token in the session sealed "
                + "with the key '" + SessionForgeryServlet.RETIRED_KEY_ID + "', which is not configured (retired)");
    }

    @Test
    void aBrowserUnderARetiredKeyIsSentToTheSignInPage() {
        String username = "retiredpage-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = signedIn(username);
        assertThat(browser.get("profile.html", "Accept", "text/html").statusCode()).isEqualTo(200);

        forge(browser, "retired");

        HttpResponse<String> page = browser.get("profile.html", "Accept", "text/html");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/" + APP + "/login.html"));
    }

    @Test
    void aTamperedSessionIsSignedOutAtItsRefreshWithoutCallingCognito() {
        String username = "tampered-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = signedIn(username);
        long exp = Http.json(browser.get("api/profile")).getJsonNumber("exp").longValue();

        forge(browser, "tampered");
        // Its key is still configured, and a plain read decrypts nothing: the session is served until its refresh.
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(200);
        ServerClock.moveTo(base, Instant.ofEpochSecond(exp).minus(REFRESH_AHEAD).plusSeconds(1));

        assertCleanRefusal(browser.get("api/profile"));
        assertThat(events(username)).containsExactly("SignedIn " + username + " FORM groups=[user] sub=true",
                "SignedOut " + username + " SESSION_UNREADABLE global=false");
        assertThat(refreshCalls(username)).isZero();
        assertThat(PayaraLog.read()).contains("Signing " + username + " out: the refresh token in the session does "
                + "not authenticate under the key 'k2026'");
    }
}
