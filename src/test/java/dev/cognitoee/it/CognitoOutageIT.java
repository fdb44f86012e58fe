package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cognito going away under a real Payara Micro: an emulator of this class's own is killed (SIGKILL) during sign-ins
 * and while sessions are due for refresh, then started again on the same state. Expected: clear 503s with
 * {@code Retry-After} and no Cognito or network text, no half-made session, sessions served while their tokens are
 * valid, and everything back once Cognito is.
 */
@ExtendWith(SharedPayara.class)
class CognitoOutageIT {

    private static final String APP = "outage";
    /** Tokens live this long (Cognito's default), and are due for refresh after half of it; the tests move time. */
    private static final int TOKEN_SECONDS = 3600;

    private static CognitoLocal emulator;
    private static CognitoFixture pool;
    private static String clientId;

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        emulator = CognitoLocal.startWithoutTriggers(FreePort.next());
        pool = CognitoFixture.seed(emulator);
        clientId = pool.clientWithTokensLiving(TOKEN_SECONDS);
        Map<String, String> settings = TestWars.poolSettings(emulator, pool.poolId, clientId);
        settings.put("cognito.refresh-ahead", Integer.toString(TOKEN_SECONDS / 2));
        settings.put("cognito.clock-skew", "0");
        settings.put("cognito.connect-timeout", "1000");
        settings.put("cognito.read-timeout", "2000");
        return TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addAsWebResource(new StringAsset("<form method='post' action='j_security_check'></form>"),
                        "login.html");
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @AfterEach
    void cognitoIsBack() {
        if (!emulatorUp()) {
            emulator = emulator.restarted();
        }
        ServerClock.reset(base);
    }

    private static boolean emulatorUp() {
        try (var cognito = emulator.client()) {
            cognito.listUserPools(b -> b.maxResults(1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static HttpResponse<String> jsonSignIn(Browser browser) {
        return browser.postJson("j_security_check", Json.createObjectBuilder()
                .add("username", CognitoFixture.BOB).add("password", CognitoFixture.PASSWORD).build());
    }

    private static void assertCleanServiceUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("localhost").doesNotContain("127.0.0.1")
                .doesNotContain(Integer.toString(emulator.port())).doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aSignInWhileCognitoIsDownIsA503AndSignsNobodyIn() {
        emulator.kill();
        Browser json = new Browser(base);
        Browser form = new Browser(base);

        HttpResponse<String> jsonAnswer = jsonSignIn(json);
        HttpResponse<String> formAnswer = form.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.BOB, "j_password", CognitoFixture.PASSWORD));

        assertCleanServiceUnavailable(jsonAnswer);
        assertThat(Http.json(jsonAnswer).getString("error")).isEqualTo("SERVICE_UNAVAILABLE");
        assertCleanServiceUnavailable(formAnswer);
        assertThat(formAnswer.headers().firstValue("Location")).as("no redirect to post again").isEmpty();
        assertThat(json.get("api/profile").statusCode()).as("no half-made session").isEqualTo(401);
        assertThat(form.get("api/profile").statusCode()).isEqualTo(401);

        emulator = emulator.restarted();

        assertThat(jsonSignIn(json).statusCode()).as("recovered").isEqualTo(200);
        assertThat(json.get("api/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionIsServedWhileItsTokensAreValidThen503UntilCognitoIsBack() {
        Browser browser = new Browser(base);
        assertThat(jsonSignIn(browser).statusCode()).isEqualTo(200);
        var first = Http.json(browser.get("api/profile"));
        long firstExpiry = first.getJsonNumber("exp").longValue();
        String bearer = pool.signIn(pool.poolId, clientId, null, CognitoFixture.ALICE).accessToken();

        emulator.kill();

        ServerClock.moveTo(base, Instant.ofEpochSecond(firstExpiry).minusSeconds(TOKEN_SECONDS / 2).plusMillis(500));
        HttpResponse<String> due = browser.get("api/profile");
        assertThat(due.statusCode()).as("due for refresh, Cognito down, tokens still valid").isEqualTo(200);
        assertThat(Http.json(due).getString("jti")).as("the same tokens").isEqualTo(first.getString("jti"));
        assertThat(Http.getWithBearer(base, "api/profile", bearer).statusCode())
                .as("a bearer token checked with the cached keys").isEqualTo(200);

        ServerClock.moveTo(base, Instant.ofEpochSecond(firstExpiry).plusMillis(500));
        assertCleanServiceUnavailable(browser.get("api/profile"));

        emulator = emulator.restarted();

        HttpResponse<String> back = browser.get("api/profile");
        assertThat(back.statusCode()).as("the session survived the outage").isEqualTo(200);
        assertThat(Http.json(back).getString("jti")).as("refreshed").isNotEqualTo(first.getString("jti"));
        assertThat(Http.json(back).getJsonNumber("exp").longValue()).isGreaterThanOrEqualTo(firstExpiry);
    }

    @Test
    void signInsInFlightWhenCognitoDiesEndSignedInOr503() throws Exception {
        int total = 40;
        AtomicInteger answered = new AtomicInteger();
        ExecutorService users = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                outcomes.add(users.submit(() -> {
                    Browser browser = new Browser(base);
                    int status = jsonSignIn(browser).statusCode();
                    if (answered.incrementAndGet() == 10) {
                        emulator.kill();
                    }
                    int profile = browser.get("api/profile").statusCode();
                    assertThat(status).as("a sign-in ends signed in or 503, nothing else").isIn(200, 503);
                    assertThat(profile).as("sign-in %s, then the session", status).isEqualTo(status == 200 ? 200 : 401);
                    return status == 200;
                }));
            }
            int signedIn = 0;
            for (Future<Boolean> outcome : outcomes) {
                signedIn += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            System.out.printf("CognitoOutageIT: %d sign-ins, %d signed in, %d answered 503%n", total, signedIn,
                    total - signedIn);
            assertThat(signedIn).as("signed in before the kill").isGreaterThanOrEqualTo(9);
            assertThat(total - signedIn).as("refused after the kill").isGreaterThanOrEqualTo(1);
        } finally {
            users.shutdownNow();
        }
    }
}
