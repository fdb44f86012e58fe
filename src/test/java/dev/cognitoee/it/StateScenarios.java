package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.revocation.RevocationSecurityConfig;
import dev.cognitoee.it.shared.GridResource;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CountingProxy;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraApps;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the refresh single-flight, the credentials cache and the revocation list do on one Payara Micro, with its
 * JCache ({@link SharedStateIT}) or without ({@link PerNodeStateIT}): the same behaviour, counted at the services
 * (refreshes on the wire in front of the user pool emulator, fetches at the identity pool stand-in), and what the
 * module put in the grid. Two WARs: {@code shared} (a session app with AWS credentials and a movable clock) and
 * {@code revoked} ({@code cognito.revocation-check=local}).
 */
abstract class StateScenarios {

    static final int CONCURRENT = 8;
    static final String REFRESHES = "InitiateAuth/REFRESH_TOKEN_AUTH";

    static PayaraApps payara;
    static CountingProxy userPool;

    /**
     * Starts the relay in front of the emulator and puts both WARs on a Payara Micro through {@code deploy} (which
     * boots a server of the class's own, or deploys to the shared one).
     */
    static void deploy(Function<List<WebArchive>, PayaraApps> deploy) {
        try {
            userPool = CountingProxy.to(CognitoFixture.shared().emulator().endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = AwsStandIns.applicationSettings();
        settings.put("cognito.token-use", "id");
        settings.put("cognito.endpoint", userPool.endpoint().toString());
        settings.put("cognito.refresh-ahead", "60");
        WebArchive shared = TestWars.withApplicationAwsSdk(TestWars.war("shared", settings,
                AwsSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addPackage(GridResource.class.getPackage()));
        Map<String, String> revocation = TestWars.poolSettings(CognitoFixture.shared());
        revocation.put("cognito.revocation-check", "local");
        WebArchive revoked = TestWars.war("revoked", revocation, RevocationSecurityConfig.class.getPackage())
                .addPackage(GridResource.class.getPackage());
        payara = deploy.apply(List.of(shared, revoked));
        for (String war : List.of("shared", "revoked")) {
            assertThat(payara.output()).as("Payara's output (%s)", payara.log())
                    .contains(" " + war + " was successfully deployed");
        }
    }

    @AfterAll
    static void stop() {
        if (userPool != null) {
            userPool.close();
        }
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset(app());
    }

    /** The INFO line the module writes at startup about where its state lives. */
    abstract String expectedStartupLine();

    /** Whether the module's caches are expected in the server's JCache. */
    abstract boolean clustered();

    static URL app() {
        return payara.url("shared");
    }

    static Browser signedIn(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        Browser browser = new Browser(app());
        HttpResponse<String> signIn = browser.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    static JsonObject grid(URL base) {
        HttpResponse<String> grid = Http.get(base, "api/grid");
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        return Http.json(grid);
    }

    static List<HttpResponse<String>> concurrently(Browser browser, String path) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            requests.add(browser.getAsync(path));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            responses.add(response);
        }
        return responses;
    }

    @Test
    void theModuleSaysAtStartupWhereItsStateLives() {
        assertThat(payara.output()).as(payara.log().toString()).contains(expectedStartupLine());
    }

    @Test
    void concurrentRequestsOfASessionDueForRefreshRefreshOnce() throws Exception {
        Browser browser = signedIn("refresh");
        String before = Http.json(browser.get("api/grid/tokens")).getString("idToken");
        long exp = Jwt.decode(before).getJsonNumber("exp").longValue();
        int refreshes = userPool.calls(REFRESHES);
        ServerClock.moveTo(app(), Instant.ofEpochSecond(exp).minusSeconds(30)); // within the 60 s refresh-ahead

        for (HttpResponse<String> response : concurrently(browser, "api/caller")) {
            assertThat(Http.json(response).getString("name")).startsWith("refresh-");
        }

        assertThat(userPool.calls(REFRESHES) - refreshes).as("refresh calls at the user pool").isEqualTo(1);
        String after = Http.json(browser.get("api/grid/tokens")).getString("idToken");
        assertThat(after).as("the session holds the refreshed tokens").isNotEqualTo(before);
        assertThat(userPool.calls(REFRESHES) - refreshes).as("and no more refreshes").isEqualTo(1);
        JsonObject grid = grid(app());
        if (clustered()) {
            assertThat(grid.getInt("refresh.results", 0)).as("the hand-off in the grid: %s", grid).isPositive();
            assertThat(grid.getInt("refresh.leases", -1)).as("every lease released: %s", grid).isZero();
        } else {
            assertThat(grid).as("no JCache: nothing in any grid").isEmpty();
        }
    }

    @Test
    void concurrentRequestsOfOneCallerFetchCredentialsOnce() throws Exception {
        Browser browser = signedIn("credentials");

        List<String> keys = concurrently(browser, "api/aws-identity").stream()
                .map(response -> Http.json(response).getString("accessKeyId")).distinct().toList();

        assertThat(keys).as("one set of credentials for all").hasSize(1);
        FakeCognitoIdentity identity = AwsStandIns.identity();
        String identityId = identity.identityOf(keys.get(0)).orElseThrow();
        assertThat(identity.calls(FakeCognitoIdentity.GET_CREDENTIALS, identityId)).isEqualTo(1);
        JsonObject grid = grid(app());
        if (clustered()) {
            assertThat(grid.getInt("credentials", 0)).as("the credentials in the grid: %s", grid).isPositive();
            assertThat(grid.getInt("credentials.leases", -1)).as("every lease released: %s", grid).isZero();
        } else {
            assertThat(grid).isEmpty();
        }
    }

    @Test
    void aSignedOutSessionsTokenIsRefusedAsABearer() {
        URL revoked = payara.url("revoked");
        String username = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        Browser browser = new Browser(revoked);
        HttpResponse<String> signIn = browser.postJson("api/session/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String token = Http.json(signIn).getString("accessToken");
        assertThat(Http.getWithBearer(revoked, "api/me", token).statusCode()).isEqualTo(200); // and now cached

        HttpResponse<String> signOut = browser.postJson("api/session/sign-out", Json.createObjectBuilder().build());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(200);

        HttpResponse<String> replay = Http.getWithBearer(revoked, "api/me", token);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
        assertThat(replay.headers().firstValue("WWW-Authenticate")).contains(RevocationScenarios.REVOKED);
        JsonObject grid = grid(revoked);
        if (clustered()) {
            assertThat(grid.getInt("revoked", 0)).as("the revocation in the grid: %s", grid).isPositive();
        } else {
            assertThat(grid).isEmpty();
        }
    }
}
