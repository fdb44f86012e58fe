package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators see when the configuration is wrong or the pool's keys cannot be reached: five WARs deployed to the
 * shared Payara Micro, four misconfigured (their deployment must fail, naming each key to fix, never repeating a
 * secret) and one whose JWKS endpoint is down (requests with tokens get 503, not 401 or 500). The good one is deployed
 * after the four failures: a failed deployment leaves the server able to deploy.
 */
@ExtendWith(SharedPayara.class)
class DeploymentFailureIT {

    /** A 128-bit key: the wrong length for cognito.session-encryption-key. */
    private static final String SHORT_KEY = "c2Vzc2lvbi1rZXktMTI4Yg==";
    /** A good key without its id. */
    private static final String UNNAMED_KEY = "dW5uYW1lZC1rZXktb2YtMzItYnl0ZXMtZm9yLWFlcyE=";

    private static Deployment missing;
    private static Deployment malformed;
    private static Deployment foreignCallback;
    private static Deployment distributed;
    private static Deployment keysDown;
    private static CognitoFixture fixture;

    @BeforeAll
    static void deploy(Deployer payara) {
        fixture = CognitoFixture.shared();
        Map<String, String> good = TestWars.poolSettings(fixture);

        Map<String, String> missingSettings = Map.of("cognito.region", "us-east-1");

        Map<String, String> malformedSettings = new java.util.HashMap<>(good);
        malformedSettings.put("cognito.token-use", "refresh");
        malformedSettings.put("cognito.clock-skew", "soon");
        malformedSettings.put("cognito.jwks-uri", "http://keys.example.com/jwks.json");
        malformedSettings.put("cognito.sign-in", "hosted-ui"); // without a domain
        malformedSettings.put("cognito.pools", "staff");
        malformedSettings.put("cognito.pool.staff.user-pool-id", "not-a-pool");
        malformedSettings.put("cognito.pool.staff.client-id", "staffclient");
        malformedSettings.put("cognito.pool.sales.client-id", "salesclient");
        malformedSettings.put("cognito.session-encryption-key", "k1:" + SHORT_KEY + "," + UNNAMED_KEY);

        Map<String, String> foreignCallbackSettings = new java.util.HashMap<>(good);
        foreignCallbackSettings.put("cognito.hosted-ui.domain", "myapp");
        foreignCallbackSettings.put("cognito.redirect-uri", "https://app.example.com/elsewhere/callback");

        Map<String, String> keysDownSettings = new java.util.HashMap<>(good);
        keysDownSettings.put("cognito.jwks-uri", "http://127.0.0.1:" + FreePort.next() + "/pool/.well-known/jwks.json");
        keysDownSettings.put("cognito.connect-timeout", "500");

        WebArchive distributedWithoutKey = war("distributed", good).setWebXML(new StringAsset(
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"><distributable/></web-app>"));

        // Each failing WAR is deployed on its own, so that each one's output is its own.
        missing = payara.deployFailing(war("missing", missingSettings));
        malformed = payara.deployFailing(war("malformed", malformedSettings));
        foreignCallback = payara.deployFailing(war("foreigncallback", foreignCallbackSettings));
        distributed = payara.deployFailing(distributedWithoutKey);
        keysDown = payara.deploy(war("keysdown", keysDownSettings));
    }

    private static WebArchive war(String name, Map<String, String> settings) {
        return TestWars.war(name, settings, SecurityConfig.class.getPackage());
    }

    @Test
    void missingRequiredKeysFailTheDeploymentNamingEachKey() {
        assertThat(missing.output())
                .contains("Cognito EE configuration is invalid")
                .contains("cognito.user-pool-id is missing: set it in MicroProfile Config or in "
                        + "@CognitoAuthenticationMechanismDefinition(userPoolId)")
                .contains("cognito.client-id is missing");
        assertNoStackTraceToClients(missing.url("missing"));
    }

    @Test
    void malformedKeysFailTheDeploymentNamingEachKey() {
        assertThat(malformed.output())
                .contains("cognito.token-use 'refresh' must be 'access' or 'id'")
                .contains("cognito.clock-skew 'soon' must be a whole number of seconds")
                .contains("cognito.jwks-uri 'http://keys.example.com/jwks.json' must be an https URL")
                .contains("cognito.hosted-ui.domain is missing")
                .contains("cognito.pool.staff.user-pool-id 'not-a-pool' is not a user pool id")
                .contains("cognito.pool.sales.client-id is set, but 'sales' is not listed in cognito.pools")
                .contains("cognito.session-encryption-key 'entry 1 (k1)' is not a 256-bit key")
                .contains("cognito.session-encryption-key 'entry 2' must be <key id>:<base64 key>")
                .doesNotContain(SHORT_KEY).doesNotContain(UNNAMED_KEY);
        assertNoStackTraceToClients(malformed.url("malformed"));
    }

    @Test
    void aHostedUiCallbackOutsideTheApplicationFailsTheDeploymentNamingTheKey() {
        assertThat(foreignCallback.output()).contains("cognito.redirect-uri 'https://app.example.com/elsewhere/callback' is "
                + "not a URL of this application: its path must be under /foreigncallback/");
        assertNoStackTraceToClients(foreignCallback.url("foreigncallback"));
    }

    @Test
    void aDistributableApplicationWithoutASessionEncryptionKeyFailsNamingTheKey() {
        assertThat(distributed.output()).contains("cognito.session-encryption-key is missing: this application"
                + " is <distributable/>");
        assertNoStackTraceToClients(distributed.url("distributed"));
    }

    @Test
    void unreachableSigningKeysGive503NotARejection() {
        String token = fixture.signIn(CognitoFixture.ALICE).accessToken();

        HttpResponse<String> response = Http.getWithBearer(keysDown.url("keysdown"), "api/caller", token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("10");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain(token);
        assertThat(keysDown.output()).contains("Bearer token not judged, answering 503").doesNotContain(token);

        // A request without a token needs no keys: still the usual challenge.
        HttpResponse<String> anonymous = Http.get(keysDown.url("keysdown"), "api/caller");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    /** A failed application serves nothing: 404, and no trace of the failure in the answer. */
    private static void assertNoStackTraceToClients(URL base) {
        HttpResponse<String> response = Http.get(base, "api/public");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("cognito.");
    }
}
