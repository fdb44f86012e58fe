package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.revocation.RevocationSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the revocation-check ITs share: a WAR per mode of {@code cognito.revocation-check} (deployed to the
 * shared Payara Micro in turn, against the emulator), a user signed in through the account API
 * ({@code CognitoAuth.signIn}) whose session's access token is then replayed as a bearer token, with no cookie, the
 * way a thief would.
 */
@ExtendWith(SharedPayara.class)
abstract class RevocationScenarios {

    static final String REVOKED = "Bearer error=\"invalid_token\", error_description=\"the token has been revoked\"";

    /** The deployed WAR's URL: each class deploys its own in its {@code @BeforeAll}. */
    static URL base;

    /** The WAR for {@code mode}, with {@code extra} settings (key, value...). */
    static WebArchive war(String app, String mode, String... extra) {
        Map<String, String> settings = TestWars.poolSettings(fixture());
        settings.put("cognito.revocation-check", mode);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return TestWars.war(app, settings, RevocationSecurityConfig.class.getPackage());
    }

    abstract String app();

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, app());
    }

    static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    /** A fresh user of group {@code user}, so that tests never share a session or a deletion. */
    static String newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        fixture().createUser(username, "user");
        return username;
    }

    /** Signs {@code username} in on {@code browser}'s session and returns the session's access token. */
    static String signIn(Browser browser, String username) {
        HttpResponse<String> signIn = browser.postJson("api/session/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isTrue();
        return Http.json(signIn).getString("accessToken");
    }

    static void signOut(Browser browser, boolean global) {
        HttpResponse<String> signOut = browser.postJson("api/session/sign-out",
                Json.createObjectBuilder().add("global", global).build());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(200);
    }

    /** GET api/me with {@code token} as bearer and no cookie. */
    HttpResponse<String> me(String token) {
        return Http.getWithBearer(base, "api/me", token);
    }

    void assertAccepted(String token, String username) {
        HttpResponse<String> response = me(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getString("name")).isEqualTo(username);
    }

    void assertRevoked(String token) {
        HttpResponse<String> response = me(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains(REVOKED);
    }
}
