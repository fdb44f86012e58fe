package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.RawHttp;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's readiness check and metrics on the server's own endpoints, read raw: {@code /health/ready}
 * (MicroProfile Health) DOWN naming the cause while Cognito (its API and its JWKS) is unreachable, UP once it is
 * back; {@code /metrics} (MicroProfile Metrics) counting sign-ins, failures by error, bearer rejections by reason,
 * verified-token cache hits and misses, JWKS fetches and the Cognito calls. One server for both, against an emulator
 * of this class's own, which it kills and restarts; the tests run in order, on one deployment, so the counters
 * start at 0.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthMetricsIT {

    private static final String APP = "observed";
    private static final String CHECK = "cognito-ee";
    /** The probe's result lifetime (5 s) and the keys' failure memory (5 s), with room for a loaded machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(40);

    private static CognitoLocal emulator;
    private static CognitoFixture pool;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        emulator = CognitoLocal.startWithoutTriggers(FreePort.next());
        pool = CognitoFixture.seed(emulator);
        Map<String, String> settings = TestWars.poolSettings(emulator, pool.poolId, pool.clientId);
        settings.put("cognito.connect-timeout", "1000");
        settings.put("cognito.read-timeout", "2000");
        return TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addAsWebResource(new StringAsset("<form method='post' action='j_security_check'></form>"),
                        "login.html");
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.stop();
        }
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @Test
    @Order(1)
    void readinessIsDownNamingTheJwksAndTheEndpointWhileCognitoIsUnreachable() throws Exception {
        Map<String, Double> before = metrics();
        assertThat(value(before, "cognitoee_jwks_fetches_total")).as("nothing fetched yet").isZero();
        emulator.kill();

        RawHttp.Response down = awaitCheck("DOWN");

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text()).containsIgnoringCase("Content-Type: application/json");
        JsonObject check = check(down);
        JsonObject data = check.getJsonObject("data");
        assertThat(data.getString("issuer")).isEqualTo(emulator.issuer(pool.poolId));
        assertThat(data.getString("jwksUri")).isEqualTo(emulator.jwksUri(pool.poolId));
        assertThat(data.getString("jwks")).isEqualTo("DOWN: java.net.ConnectException");
        assertThat(data.getString("endpoint")).isEqualTo(emulator.endpoint().toString());
        assertThat(data.getString("cognito")).isEqualTo("DOWN: java.net.ConnectException");
        System.out.println("readiness while Cognito is down: " + body(down));
        assertThat(down.text()).doesNotContain("eyJ").doesNotContain(CognitoFixture.PASSWORD)
                .doesNotContain("\tat ");

        Map<String, Double> after = metrics();
        assertThat(value(after, "cognitoee_jwks_fetch_failures_total")).isPositive();
        assertThat(value(after, "cognitoee_jwks_fetches_total"))
                .isEqualTo(value(after, "cognitoee_jwks_fetch_failures_total"));
    }

    @Test
    @Order(2)
    void readinessIsUpOnceCognitoIsBack() throws Exception {
        emulator = emulator.restarted();

        RawHttp.Response up = awaitCheck("UP");

        assertThat(up.status()).isEqualTo(200);
        JsonObject data = check(up).getJsonObject("data");
        assertThat(data.getString("jwks")).isEqualTo("UP");
        assertThat(data.getString("cognito")).isEqualTo("UP");
        Map<String, Double> metrics = metrics();
        assertThat(value(metrics, "cognitoee_jwks_fetches_total"))
                .as("one successful fetch since the failures")
                .isEqualTo(value(metrics, "cognitoee_jwks_fetch_failures_total") + 1);
        assertThat(value(metrics, "cognitoee_jwks_fetch_seconds_total")).isPositive();
    }

    @Test
    @Order(3)
    void countersMoveWithSignInsFailuresRejectionsAndTheCache() throws Exception {
        Map<String, Double> before = metrics();

        assertThat(jsonSignIn(CognitoFixture.BOB, CognitoFixture.PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = jsonSignIn(CognitoFixture.BOB, "Wr0ng-Password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).getString("error")).isEqualTo("NOT_AUTHORIZED");
        Map<String, Double> signedIn = metrics();
        assertThat(delta(before, signedIn, "cognitoee_sign_ins_total")).isEqualTo(1);
        assertThat(delta(before, signedIn, "cognitoee_sign_in_failures_total{error=\"NOT_AUTHORIZED\"}"))
                .isEqualTo(1);
        assertThat(delta(before, signedIn, "cognitoee_sign_in_failures_total{error=\"USER_NOT_FOUND\"}")).isZero();
        assertThat(delta(before, signedIn, "cognitoee_cognito_calls_total{operation=\"InitiateAuth\"}"))
                .isEqualTo(2);
        assertThat(delta(before, signedIn, "cognitoee_cognito_call_failures_total{operation=\"InitiateAuth\"}"))
                .isEqualTo(1);
        assertThat(delta(before, signedIn, "cognitoee_cognito_call_seconds_total{operation=\"InitiateAuth\"}"))
                .isPositive();

        String token = pool.signIn(CognitoFixture.ALICE).accessToken();
        String otherPools = pool.signIn(pool.otherPoolId, pool.otherPoolClientId, null, CognitoFixture.ALICE)
                .accessToken();
        assertThat(bearer(token).status()).isEqualTo(200);
        assertThat(bearer(token).status()).isEqualTo(200);
        assertThat(bearer("not.a.token").status()).isEqualTo(401);
        assertThat(bearer(otherPools).status()).isEqualTo(401);

        Map<String, Double> after = metrics();
        assertThat(delta(signedIn, after, "cognitoee_token_rejections_total{reason=\"MALFORMED\"}")).isEqualTo(1);
        assertThat(delta(signedIn, after, "cognitoee_token_rejections_total{reason=\"UNTRUSTED_ISSUER\"}"))
                .isEqualTo(1);
        assertThat(delta(signedIn, after, "cognitoee_token_rejections_total{reason=\"EXPIRED\"}")).isZero();
        assertThat(delta(signedIn, after, "cognitoee_token_cache_misses_total")).as("the first sight of each token")
                .isEqualTo(3);
        assertThat(delta(signedIn, after, "cognitoee_token_cache_hits_total")).isEqualTo(1);
        assertThat(delta(before, after, "cognitoee_jwks_fetches_total")).as("the keys were in service").isZero();
    }

    private HttpResponse<String> jsonSignIn(String username, String password) {
        return new Browser(base).postJson("j_security_check", Json.createObjectBuilder()
                .add("username", username).add("password", password).build());
    }

    private RawHttp.Response bearer(String token) {
        return RawHttp.get(base, "api/profile", List.of("Authorization: Bearer " + token));
    }

    private URL server() throws MalformedURLException {
        return new URL(base, "/");
    }

    /** Polls {@code /health/ready} until the module's check has {@code status}, within the deadline. */
    private RawHttp.Response awaitCheck(String status) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        RawHttp.Response last = RawHttp.get(server(), "health/ready", List.of());
        while (!status.equals(check(last).getString("status"))) {
            assertThat(System.nanoTime()).as("%s within %s; last answer %s", status, DEADLINE, last.text())
                    .isLessThan(deadline);
            Thread.sleep(500);
            last = RawHttp.get(server(), "health/ready", List.of());
        }
        assertThat(Json.createReader(new StringReader(body(last))).readObject().getString("status"))
                .as("the server's overall status follows the module's check").isEqualTo(status);
        return last;
    }

    private static JsonObject check(RawHttp.Response health) {
        JsonObject all = Json.createReader(new StringReader(body(health))).readObject();
        return all.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> CHECK.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + CHECK + " in " + health.text()));
    }

    /** The JSON object of a raw {@code /health} response. */
    private static String body(RawHttp.Response response) {
        String body = decodedBody(response);
        return body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
    }

    /**
     * The body of a raw response, its chunks joined when it came with {@code Transfer-Encoding: chunked} (Payara
     * sends both endpoints so, and a chunk may end in the middle of a line). The endpoints' text is ASCII.
     */
    private static String decodedBody(RawHttp.Response response) {
        String text = response.text();
        int headEnd = text.indexOf("\r\n\r\n");
        String head = text.substring(0, headEnd);
        String rest = text.substring(headEnd + 4);
        if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            return rest;
        }
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = rest.indexOf("\r\n", at);
            int size = Integer.parseInt(rest.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(rest, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^(cognitoee_[a-z_]+)(\\{[^}]*})?\\s+(\\S+)$");
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * The module's series from the raw {@code /metrics} text (OpenMetrics / Prometheus), keyed as
     * {@code name{tag="value"}} without the server's {@code mp_scope} tag.
     */
    private Map<String, Double> metrics() throws Exception {
        RawHttp.Response response = RawHttp.get(server(), "metrics", List.of("Accept: text/plain"));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String text = decodedBody(response);
        assertThat(text).as("a gauge of the application registry, per the README")
                .contains("# TYPE cognitoee_sign_ins_total gauge")
                .containsPattern("cognitoee_sign_ins_total\\{[^}]*mp_scope=\"application\"");
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!sample.matches()) {
                continue;
            }
            StringBuilder key = new StringBuilder(sample.group(1));
            if (sample.group(2) != null) {
                Matcher tag = TAG.matcher(sample.group(2));
                while (tag.find()) {
                    if (!tag.group(1).equals("mp_scope")) {
                        key.append('{').append(tag.group(1)).append("=\"").append(tag.group(2)).append("\"}");
                    }
                }
            }
            series.put(key.toString(), Double.parseDouble(sample.group(3)));
        }
        return series;
    }

    private static double value(Map<String, Double> metrics, String key) {
        assertThat(metrics).as("series %s", key).containsKey(key);
        return metrics.get(key);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return value(after, key) - value(before, key);
    }
}
