package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestWars;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators see when the configuration is wrong or the pool's keys cannot be reached: one Payara Micro boot
 * with five WARs, four misconfigured (their deployment must fail, naming each key to fix, never repeating a secret)
 * and one whose JWKS endpoint is down (requests with tokens get 503, not 401 or 500).
 */
class DeploymentFailureIT {

    /** A 128-bit key: the wrong length for cognito.session-encryption-key. */
    private static final String SHORT_KEY = "c2Vzc2lvbi1rZXktMTI4Yg==";
    /** A good key without its id. */
    private static final String UNNAMED_KEY = "dW5uYW1lZC1rZXktb2YtMzItYnl0ZXMtZm9yLWFlcyE=";

    private static PayaraMicroProcess payara;
    /** A server of its own: Payara Micro starts no application after one whose initializer failed. */
    private static PayaraMicroProcess distributedPayara;
    private static CognitoFixture fixture;

    @BeforeAll
    static void boot() throws Exception {
        fixture = CognitoFixture.shared();
        Map<String, String> good = TestWars.poolSettings(fixture);

        Map<String, String> missing = Map.of("cognito.region", "us-east-1");

        Map<String, String> malformed = new java.util.HashMap<>(good);
        malformed.put("cognito.token-use", "refresh");
        malformed.put("cognito.clock-skew", "soon");
        malformed.put("cognito.jwks-uri", "http://keys.example.com/jwks.json");
        malformed.put("cognito.sign-in", "hosted-ui"); // without a domain
        malformed.put("cognito.pools", "staff");
        malformed.put("cognito.pool.staff.user-pool-id", "not-a-pool");
        malformed.put("cognito.pool.staff.client-id", "staffclient");
        malformed.put("cognito.pool.sales.client-id", "salesclient");
        malformed.put("cognito.session-encryption-key", "k1:" + SHORT_KEY + "," + UNNAMED_KEY);

        Map<String, String> foreignCallback = new java.util.HashMap<>(good);
        foreignCallback.put("cognito.hosted-ui.domain", "myapp");
        foreignCallback.put("cognito.redirect-uri", "https://app.example.com/elsewhere/callback");

        Map<String, String> keysDown = new java.util.HashMap<>(good);
        keysDown.put("cognito.jwks-uri", "http://127.0.0.1:" + FreePort.next() + "/pool/.well-known/jwks.json");
        keysDown.put("cognito.connect-timeout", "500");

        WebArchive distributedWithoutKey = war("distributed", good).setWebXML(new StringAsset(
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"><distributable/></web-app>"));

        // Both servers boot at once. The two checks that fail in a servlet initializer (the callback, the key of a
        // distributable application) each get a server: Payara Micro does not start the applications after one
        // whose start failed.
        distributedPayara = PayaraMicroProcess.start("payara-deployment-failures-distributed",
                List.of(distributedWithoutKey), FreePort.next(), Map.of(), List.of(), List.of(),
                List.of(PayaraMicroProcess.NO_CLUSTER));
        payara = PayaraMicroProcess.boot("payara-deployment-failures", List.of(
                war("missing", missing), war("malformed", malformed), war("keysdown", keysDown),
                war("foreigncallback", foreignCallback)));
        distributedPayara.awaitReady(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
        if (distributedPayara != null) {
            distributedPayara.close();
        }
    }

    private static WebArchive war(String name, Map<String, String> settings) {
        return TestWars.war(name, settings, SecurityConfig.class.getPackage());
    }

    @Test
    void missingRequiredKeysFailTheDeploymentNamingEachKey() {
        assertThat(payara.output())
                .contains("Cognito EE configuration is invalid")
                .contains("cognito.user-pool-id is missing: set it in MicroProfile Config or in "
                        + "@CognitoAuthenticationMechanismDefinition(userPoolId)")
                .contains("cognito.client-id is missing");
        assertThat(Http.get(payara.url("missing"), "api/public").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedKeysFailTheDeploymentNamingEachKey() {
        assertThat(payara.output())
                .contains("cognito.token-use 'refresh' must be 'access' or 'id'")
                .contains("cognito.clock-skew 'soon' must be a whole number of seconds")
                .contains("cognito.jwks-uri 'http://keys.example.com/jwks.json' must be an https URL")
                .contains("cognito.hosted-ui.domain is missing")
                .contains("cognito.pool.staff.user-pool-id 'not-a-pool' is not a user pool id")
                .contains("cognito.pool.sales.client-id is set, but 'sales' is not listed in cognito.pools")
                .contains("cognito.session-encryption-key 'entry 1 (k1)' is not a 256-bit key")
                .contains("cognito.session-encryption-key 'entry 2' must be <key id>:<base64 key>")
                .doesNotContain(SHORT_KEY).doesNotContain(UNNAMED_KEY);
        assertThat(Http.get(payara.url("malformed"), "api/public").statusCode()).isEqualTo(404);
    }

    @Test
    void aHostedUiCallbackOutsideTheApplicationFailsTheDeploymentNamingTheKey() {
        assertThat(payara.output()).contains("cognito.redirect-uri 'https://app.example.com/elsewhere/callback' is "
                + "not a URL of this application: its path must be under /foreigncallback/");
        assertThat(Http.get(payara.url("foreigncallback"), "api/public").statusCode()).isEqualTo(404);
    }

    @Test
    void aDistributableApplicationWithoutASessionEncryptionKeyFailsNamingTheKey() {
        assertThat(distributedPayara.output()).contains("cognito.session-encryption-key is missing: this application"
                + " is <distributable/>");
        assertThat(Http.get(distributedPayara.url("distributed"), "api/public").statusCode()).isEqualTo(404);
    }

    @Test
    void unreachableSigningKeysGive503NotARejection() {
        String token = fixture.signIn(CognitoFixture.ALICE).accessToken();

        HttpResponse<String> response = Http.getWithBearer(payara.url("keysdown"), "api/caller", token);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("10");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain(token);
        assertThat(payara.output()).contains("Bearer token not judged, answering 503").doesNotContain(token);

        // A request without a token needs no keys: still the usual challenge.
        HttpResponse<String> anonymous = Http.get(payara.url("keysdown"), "api/caller");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }
}
