package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.cluster.ClusterSecurityConfig;
import dev.cognitoee.it.grid.GridFootprintServlet;
import dev.cognitoee.it.revocation.RevocationSecurityConfig;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CountingProxy;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LoadBalancer;
import dev.cognitoee.it.support.PayaraCluster;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The module on a cluster: three Payara Micro instances on loopback forming one Hazelcast grid, with HAProxy in
 * front of them balancing every request round-robin (no sticky sessions), against the real cognito-local emulator
 * (through a {@link CountingProxy} that counts the calls on the wire) and the identity pool stand-in.
 * Signed-in sessions are served as their user by every node, survive the {@code SIGKILL} of the node they were
 * signed in on in the middle of a load, and the module writes nothing to the session on a plain authenticated read
 * (counted on every node; Payara's own writes of the session to the grid are counted too). The module's cluster-wide
 * state holds over the three nodes: one refresh per session, one credentials fetch per caller, a sign-out refused on
 * every node at once, and a refresh taken over when the node making it dies. Two WARs on every node: {@code cluster}
 * ({@code <distributable/>}) and {@code revoked} ({@code cognito.revocation-check=local}). The figures go to
 * {@code target/cluster-failover.txt} and {@code target/cluster-state.txt}.
 */
@EnabledIf(value = "dev.cognitoee.it.support.LoadBalancer#installed", disabledReason = LoadBalancer.MISSING)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String APP = "cluster";
    private static final String REVOKED_APP = "revoked";
    private static final String REFRESHES = "InitiateAuth/REFRESH_TOKEN_AUTH";
    /** The module's defaults, which the cluster WAR keeps: refresh-ahead 120 s; connect and read timeouts 5 s each. */
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(120);
    /** A refresh's lease (docs/RELIABILITY.md): one Cognito call (connect + read + 1 s) + 2 s. */
    private static final Duration LEASE = Duration.ofSeconds(13);
    /** The longest a request waits for another node's refresh: the lease, one more call (11 s), 2 s. */
    private static final Duration REFRESH_WAIT_BOUND = Duration.ofSeconds(26);
    /**
     * How old a session must be before a test moves the clocks into its refresh window. The clocks of the nodes that
     * are handed the new tokens stay moved until the test resets them, and the new tokens (minted on real time) look
     * due to them once the clocks have run on for as long as the session was old: an older session leaves the test
     * that much time.
     */
    private static final Duration AGE_BEFORE_REFRESH = Duration.ofSeconds(40);
    /** Concurrent requests per target (each node directly, and the balancer). */
    private static final int PER_TARGET = 3;
    private static final int SESSIONS_MEASURED = 10;
    /** A fixed session encryption key for all nodes ({@code k1:} + 32 bytes in base64), as a cluster needs one. */
    private static final String SESSION_KEY = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final int READS = 12;
    private static final int SESSIONS_UNDER_LOAD = 6;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(6);

    private static PayaraCluster cluster;
    private static CountingProxy userPool;
    /** Signed in right after the boot, so that they are old enough when their refresh is tested. */
    private static SignedIn refreshing;
    private static SignedIn takenOver;

    @BeforeAll
    static void boot() throws IOException {
        Files.deleteIfExists(stateReport());
        userPool = CountingProxy.to(CognitoFixture.shared().emulator().endpoint());
        cluster = PayaraCluster.boot("cluster-it", 3, List.of(war(), revocationWar()),
                Map.of("cognito.session-encryption-key", SESSION_KEY));
        refreshing = signedIn("refreshed", 0);
        takenOver = signedIn("taken-over", 1);
    }

    /**
     * The test WAR: the module, {@code <distributable/>}, and Payara's default persistence scope. (Its
     * {@code modified-attribute} scope, which would write only changed attributes, fails on Payara 6.2025.10: a node
     * loading a session from the grid throws a NullPointerException in {@code ReplicationAttributeStore} and the
     * session is lost; see docs/CLUSTER.md.) Its user pool calls go through the counting relay; its callers' AWS
     * credentials come from the identity pool stand-in.
     */
    private static WebArchive war() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.endpoint", userPool.endpoint().toString());
        settings.put("cognito.identity-pool-id", AwsStandIns.IDENTITY_POOL_ID);
        settings.put("cognito.identity-endpoint", AwsStandIns.identity().endpoint().toString());
        return TestWars.war(APP, settings, ClusterSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addPackage(GridFootprintServlet.class.getPackage())
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                            <distributable/>
                        </web-app>
                        """), "web.xml");
    }

    /** The second WAR: sessions per node (not distributable), {@code cognito.revocation-check=local}. */
    private static WebArchive revocationWar() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.revocation-check", "local");
        return TestWars.war(REVOKED_APP, settings, RevocationSecurityConfig.class.getPackage())
                .addPackage(GridFootprintServlet.class.getPackage());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (userPool != null) {
            userPool.close();
        }
    }

    @Test
    @Order(1)
    void aSessionSignedInOnOneNodeIsServedAsItsUserByEveryNode() {
        CookieManager alice = Browser.cookieJar();
        HttpResponse<String> signIn = signIn(new Browser(cluster.node(0).url(APP), alice), CognitoFixture.ALICE);
        assertThat(signIn.statusCode()).as("sign-in on node a: %s", signIn.body()).isEqualTo(200);

        Browser balanced = new Browser(cluster.url(APP), alice);
        Set<String> nodes = new LinkedHashSet<>();
        for (int i = 0; i < 9; i++) {
            JsonObject me = me(balanced);
            assertThat(me.getString("caller")).as("request %d through the balancer", i).isEqualTo(CognitoFixture.ALICE);
            nodes.add(me.getString("node"));
        }
        assertThat(nodes).as("the nodes that answered round-robin requests").containsExactlyInAnyOrder("a", "b", "c");
        for (PayaraCluster.Node node : cluster.nodes()) {
            assertThat(me(new Browser(node.url(APP), alice)).getString("caller")).as("node %s asked directly", node.name())
                    .isEqualTo(CognitoFixture.ALICE);
        }

        // a second user's session on the same nodes stays hers, whichever node answers
        CookieManager bob = Browser.cookieJar();
        Browser bobBalanced = new Browser(cluster.url(APP), bob);
        assertThat(signIn(bobBalanced, CognitoFixture.BOB).statusCode()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertThat(me(i % 2 == 0 ? bobBalanced : balanced).getString("caller"))
                    .isEqualTo(i % 2 == 0 ? CognitoFixture.BOB : CognitoFixture.ALICE);
        }
    }

    @Test
    @Order(2)
    void noSessionOrAnUnknownOneIsRefusedByEveryNode() {
        Browser anonymous = new Browser(cluster.url(APP));
        for (int i = 0; i < 3; i++) { // round-robin: each node once
            HttpResponse<String> response = anonymous.get("api/me", "Accept", "application/json");
            assertThat(response.statusCode()).as("anonymous request %d: %s", i, response.body()).isEqualTo(401);
        }
        for (PayaraCluster.Node node : cluster.nodes()) {
            HttpResponse<String> response = new Browser(node.url(APP)).get("api/me", "Accept", "application/json",
                    "Cookie", "JSESSIONID=0123456789abcdef0123456789ab");
            assertThat(response.statusCode()).as("a made-up session id on node %s: %s", node.name(), response.body())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void aBrowserFormSignInThroughTheBalancerPassesTheOriginCheck() {
        URL balancer = cluster.url(APP);
        Browser browser = new Browser(balancer);
        String origin = balancer.getProtocol() + "://" + balancer.getHost() + ":" + balancer.getPort();
        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.ALICE, "j_password", CognitoFixture.PASSWORD), "Origin", origin);
        assertThat(signIn.statusCode()).as("form sign-in posted from the balancer's origin: %s", signIn.body())
                .isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
        for (int i = 0; i < 3; i++) {
            assertThat(me(browser).getString("caller")).isEqualTo(CognitoFixture.ALICE);
        }
    }

    @Test
    @Order(4)
    void aPlainReadWritesNothingToTheSessionOnAnyNode() {
        Instant signedInAt = Instant.now();
        Counters start = counters(APP);
        Browser browser = new Browser(cluster.url(APP));
        assertThat(signIn(browser, CognitoFixture.ALICE).statusCode()).isEqualTo(200);
        Counters signedIn = counters(APP);
        assertThat(signedIn.moduleWrites - start.moduleWrites).as("the module's session writes at sign-in")
                .isPositive();
        assertThat(browser.postJson("api/me/probe", Json.createObjectBuilder().build()).statusCode()).isEqualTo(200);

        Counters before = counters(APP);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            assertThat(me(browser).getString("caller")).isEqualTo(CognitoFixture.ALICE);
            versions.add(browser.cookie("JSESSIONIDVERSION"));
        }
        Counters after = counters(APP);
        System.out.printf("%d reads: %s -> %s; JSESSIONIDVERSION seen: %s%n", READS, before, after, versions);
        assertThat(after.moduleWrites - before.moduleWrites).as("the module's session writes over %d reads", READS)
                .isZero();
        // Not the module's doing, and what docs/CLUSTER.md tells users: Payara's default persistence scope writes
        // the whole session to the grid at the end of every request that used it, whether anything changed or not.
        assertThat(after.probeWrites - before.probeWrites)
                .as("Payara's writes of the whole session to the grid over %d reads", READS)
                .isGreaterThanOrEqualTo(READS);

        // A refresh writes the session once: the clocks of all nodes reach the refresh-ahead window (120 s before
        // the tokens' 24 h expiry), and one request refreshes on the node that gets it.
        Instant dueForRefresh = signedInAt.plus(Duration.ofHours(24)).minusSeconds(60);
        cluster.nodes().forEach(node -> ServerClock.moveTo(node.url(APP), dueForRefresh));
        try {
            assertThat(me(browser).getString("caller")).isEqualTo(CognitoFixture.ALICE);
        } finally {
            cluster.nodes().forEach(node -> ServerClock.reset(node.url(APP)));
        }
        Counters refreshed = counters(APP);
        assertThat(refreshed.moduleWrites - after.moduleWrites).as("the module's session writes for one refresh")
                .isEqualTo(1);
        for (int i = 0; i < READS; i++) {
            assertThat(me(browser).getString("caller")).isEqualTo(CognitoFixture.ALICE);
        }
        assertThat(counters(APP).moduleWrites - refreshed.moduleWrites).as("writes over reads after the refresh")
                .isZero();
    }

    @Test
    @Order(5)
    void concurrentRequestsOfOneSessionOverTheThreeNodesRefreshOnceClusterWide() throws Exception {
        awaitAge(refreshing, AGE_BEFORE_REFRESH);
        long exp = me(new Browser(cluster.node(0).url(APP), refreshing.cookies())).getJsonNumber("exp").longValue();
        int before = userPool.calls(REFRESHES);
        List<Answered> answers;
        moveClocks(cluster.nodes(), dueMoment(exp));
        try {
            answers = concurrently(refreshing.cookies(), "api/me");
        } finally {
            cluster.nodes().forEach(node -> ServerClock.reset(node.url(APP)));
        }
        int refreshes = userPool.calls(REFRESHES) - before;

        Set<String> nodes = new TreeSet<>();
        for (Answered answer : answers) {
            assertThat(answer.status()).as("a request of the session due for refresh: %s", answer.body())
                    .isEqualTo(200);
            JsonObject me = Http.json(answer.response());
            assertThat(me.getString("caller")).isEqualTo(refreshing.user());
            nodes.add(me.getString("node"));
        }
        assertThat(nodes).as("the nodes that answered").containsExactly("a", "b", "c");
        assertThat(refreshes).as("REFRESH_TOKEN_AUTH calls on the wire for %d concurrent requests over the three "
                + "nodes", answers.size()).isEqualTo(1);
        for (PayaraCluster.Node node : cluster.nodes()) {
            long now = me(new Browser(node.url(APP), refreshing.cookies())).getJsonNumber("exp").longValue();
            assertThat(now).as("the access token node %s serves afterwards", node.name()).isGreaterThan(exp);
        }
        assertThat(userPool.calls(REFRESHES) - before).as("and no refresh since").isEqualTo(1);
        report("One refresh cluster-wide: %d concurrent requests of one session due for refresh (%d to each node "
                + "directly, %d through the balancer), answered by %s, all 200 as the user, slowest %d ms; "
                + "REFRESH_TOKEN_AUTH on the wire: %d", answers.size(), PER_TARGET, PER_TARGET, nodes,
                slowest(answers).toMillis(), refreshes);
    }

    @Test
    @Order(6)
    void concurrentRequestsOfOneCallerOverTheThreeNodesFetchCredentialsOnce() throws Exception {
        SignedIn caller = signedIn("credentials", 0);

        List<Answered> answers = concurrently(caller.cookies(), "api/me/aws-identity");

        Set<String> keys = new TreeSet<>();
        Set<String> nodes = new TreeSet<>();
        for (Answered answer : answers) {
            assertThat(answer.status()).as("a credentials request: %s", answer.body()).isEqualTo(200);
            JsonObject identity = Http.json(answer.response());
            keys.add(identity.getString("accessKeyId"));
            nodes.add(identity.getString("node"));
        }
        assertThat(nodes).as("the nodes that answered").containsExactly("a", "b", "c");
        assertThat(keys).as("the access keys handed out").hasSize(1);
        FakeCognitoIdentity pool = AwsStandIns.identity();
        String identityId = pool.identityOf(keys.iterator().next()).orElseThrow();
        int fetches = pool.calls(FakeCognitoIdentity.GET_CREDENTIALS, identityId);
        assertThat(fetches).as("GetCredentialsForIdentity calls for the caller's identity").isEqualTo(1);
        assertThat(moduleCaches(cluster.node(0))).as("the module's caches in the grid")
                .containsKey("credentials");
        report("One credentials fetch cluster-wide: %d concurrent requests of one caller (%d to each node directly, "
                + "%d through the balancer), answered by %s, all 200 with the same access key, slowest %d ms; "
                + "GetCredentialsForIdentity at the identity pool stand-in: %d", answers.size(), PER_TARGET,
                PER_TARGET, nodes, slowest(answers).toMillis(), fetches);
    }

    @Test
    @Order(7)
    void aSignOutOnOneNodeRefusesTheSessionsTokenOnTheOthersAtOnce() throws Exception {
        String user = "revoked-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        Browser onA = new Browser(cluster.node(0).url(REVOKED_APP));
        HttpResponse<String> signIn = onA.postJson("api/session/sign-in", Json.createObjectBuilder()
                .add("username", user).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String token = Http.json(signIn).getString("accessToken");
        for (PayaraCluster.Node node : cluster.nodes()) { // each node verifies it and caches it as valid
            assertThat(Http.getWithBearer(node.url(REVOKED_APP), "api/me", token).statusCode())
                    .as("the token on node %s before the sign-out", node.name()).isEqualTo(200);
        }

        HttpResponse<String> signOut = onA.postJson("api/session/sign-out", Json.createObjectBuilder().build());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(200);
        long signedOut = System.nanoTime();
        Map<String, CompletableFuture<HttpResponse<String>>> replays = new LinkedHashMap<>();
        for (PayaraCluster.Node node : cluster.nodes().subList(1, 3)) {
            replays.put(node.name(), CompletableFuture.supplyAsync(
                    () -> Http.getWithBearer(node.url(REVOKED_APP), "api/me", token)));
        }

        Map<String, Long> refusedAfter = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> replay : replays.entrySet()) {
            HttpResponse<String> response = replay.getValue().get(30, TimeUnit.SECONDS);
            refusedAfter.put(replay.getKey(), Duration.ofNanos(System.nanoTime() - signedOut).toMillis());
            assertThat(response.statusCode()).as("the signed-out token on node %s at once: %s", replay.getKey(),
                    response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("node %s", replay.getKey())
                    .contains(RevocationScenarios.REVOKED);
        }
        HttpResponse<String> onItsOwnNode = Http.getWithBearer(cluster.node(0).url(REVOKED_APP), "api/me", token);
        assertThat(onItsOwnNode.statusCode()).isEqualTo(401);
        assertThat(moduleCaches(cluster.node(1), REVOKED_APP)).as("the module's caches in the grid")
                .containsKey("revoked");
        report("Revocation cluster-wide: a session signed out on node a; its access token (cached as valid on every "
                + "node before) replayed as a bearer on b and c the moment the sign-out returned: 401 revoked on "
                + "both (answers %s ms after the sign-out returned)", refusedAfter);
    }

    @Test
    @Order(8)
    void whatASignedInSessionAndTheModulesEntriesCostInTheGrid() {
        Map<String, long[]> before = sessionMaps();
        List<SignedIn> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS_MEASURED; i++) {
            SignedIn session = signedIn("bytes-" + i, i % 3);
            me(new Browser(cluster.url(APP), session.cookies())); // and one read, as a session lives
            sessions.add(session);
        }
        Map<String, long[]> after = sessionMaps();

        String sessionMap = null;
        long[] grown = null;
        for (Map.Entry<String, long[]> map : after.entrySet()) {
            long[] was = before.getOrDefault(map.getKey(), new long[4]);
            long[] delta = new long[4];
            for (int i = 0; i < 4; i++) {
                delta[i] = map.getValue()[i] - was[i];
            }
            if (grown == null || delta[0] > grown[0]) {
                sessionMap = map.getKey();
                grown = delta;
            }
        }
        assertThat(grown).as("the grid's maps (%s)", after.keySet()).isNotNull();
        assertThat(grown[0]).as("entries of the map that grew most (%s) for %d sessions signed in", sessionMap,
                SESSIONS_MEASURED).isGreaterThanOrEqualTo(SESSIONS_MEASURED);
        JsonObject serialized = Http.json(new Browser(cluster.url(APP), sessions.get(0).cookies())
                .get("api/me/session-bytes"));
        assertThat(serialized.getJsonNumber("total").longValue()).as("the session's attributes, serialized")
                .isPositive();
        // Payara gives every application the same CacheManager: this lists both WARs' caches (each under its own
        // digest, so they share no entry)
        JsonObject caches = moduleCacheFootprint(cluster.node(0), APP);
        long perSession = grown[1] / SESSIONS_MEASURED;
        assertThat(perSession).as("the grid's memory cost of one session entry").isPositive();
        report("Bytes in the grid: the session map (%s) grew by %d entries for %d sessions signed in (each read "
                + "once): %d bytes per session owned (the grid's own statistics, LocalMapStats ownedEntryMemoryCost "
                + "summed over the nodes), %d bytes per session of backups (backup entries %d); the session's "
                + "attributes serialized (ObjectOutputStream, one by one): %s. The module's JCache entries of both "
                + "WARs (key + value, UTF-8 bytes, all entries in the cluster): %s", sessionMap, grown[0],
                SESSIONS_MEASURED, perSession, grown[2] == 0 ? 0 : grown[3] / grown[2], grown[2],
                serialized.getJsonObject("attributes"), caches);
    }

    @Test
    @Order(9) // it kills node a
    void killingTheNodeSessionsSignedInOnMidLoadLosesNone() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS_UNDER_LOAD; i++) {
            String user = "cluster-" + i + "-" + System.nanoTime();
            CognitoFixture.shared().createUser(user, "user");
            CookieManager cookies = Browser.cookieJar();
            HttpResponse<String> signIn = signIn(new Browser(cluster.node(0).url(APP), cookies), user);
            assertThat(signIn.statusCode()).as("sign-in of %s on node a: %s", user, signIn.body()).isEqualTo(200);
            sessions.add(new Session(user, cookies, new Browser(cluster.url(APP), cookies)));
        }

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(sessions.size());
        long killedAt;
        int inFlightAtKill;
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (Session session : sessions) {
                loops.add(load.submit(() -> {
                    while (running.get()) {
                        inFlight.incrementAndGet();
                        long sent = System.nanoTime();
                        answers.add(session.read(sent));
                        inFlight.decrementAndGet();
                    }
                }));
            }
            Thread.sleep(LOAD_BEFORE_KILL.toMillis());
            inFlightAtKill = inFlight.get();
            killedAt = System.nanoTime();
            cluster.kill(0);
            Thread.sleep(LOAD_AFTER_KILL.toMillis());
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            load.shutdownNow();
        }
        cluster.awaitMembers(cluster.liveNodes(), Duration.ofSeconds(30));

        Failover figures = Failover.of(sessions, answers, killedAt, inFlightAtKill);
        Files.writeString(TestSettings.buildDir().resolve("cluster-failover.txt"), figures.report());
        System.out.print(figures.report());

        assertThat(figures.lostSessions).as("sessions answered 401 (lost) at any time").isEmpty();
        assertThat(figures.wrongCaller).as("answers naming another user than the session's").isZero();
        assertThat(figures.failedRequests).as("5xx answers and I/O errors (at most the requests in flight at the "
                + "kill: %d)", inFlightAtKill).isLessThanOrEqualTo(inFlightAtKill);
        assertThat(figures.afterKillOkBySession.keySet()).as("sessions served after the kill")
                .containsExactlyInAnyOrderElementsOf(sessions.stream().map(Session::user).toList());
        assertThat(figures.nodesAfterKill).as("nodes that answered requests sent after the kill (and after the "
                + "balancer's check took the dead node out)").containsExactlyInAnyOrder("b", "c");
        for (Session session : sessions) {
            for (PayaraCluster.Node survivor : cluster.liveNodes()) {
                assertThat(me(new Browser(survivor.url(APP), session.cookies())).getString("caller"))
                        .as("the session of %s on survivor %s", session.user(), survivor.name())
                        .isEqualTo(session.user());
            }
        }
    }

    @Test
    @Order(10) // last: it kills node c, after node a is gone
    void whenTheNodeRefreshingASessionDiesAnotherRefreshesOnceItsLeaseLapses() throws Exception {
        PayaraCluster.Node holder = cluster.node(2);
        PayaraCluster.Node taker = cluster.node(1);
        assertThat(cluster.liveNodes()).as("the nodes left by the failover test").containsExactly(taker, holder);
        CookieManager cookies = takenOver.cookies();
        long exp = me(new Browser(taker.url(APP), cookies)).getJsonNumber("exp").longValue();
        int before = userPool.calls(REFRESHES);
        CountingProxy.Hold hold = userPool.holdNext(REFRESHES);
        List<Sent> waiting = new ArrayList<>();
        List<Answered> answers = new ArrayList<>();
        Instant killedAt;
        Sent onHolder;
        try {
            moveClocks(List.of(taker, holder), dueMoment(exp));
            onHolder = Sent.now(new Browser(holder.url(APP), cookies));
            assertThat(hold.awaitHeld(Duration.ofSeconds(30))).as("node c's refresh call, held in flight").isTrue();
            Browser onTaker = new Browser(taker.url(APP), cookies);
            Browser balanced = new Browser(cluster.url(APP), cookies);
            for (int i = 0; i < PER_TARGET; i++) {
                waiting.add(Sent.now(onTaker));
                waiting.add(Sent.now(balanced));
            }
            Thread.sleep(1000); // they wait: for node c's refresh, or on node c itself
            killedAt = Instant.now();
            cluster.kill(2);
            hold.drop(); // the dead node's call: never answered, never at the emulator
            for (Sent sent : waiting) {
                answers.add(sent.answer().get(REFRESH_WAIT_BOUND.plusSeconds(30).toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            hold.drop();
            cluster.liveNodes().forEach(node -> ServerClock.reset(node.url(APP)));
        }
        Answered killed = onHolder.answer().get(30, TimeUnit.SECONDS);
        assertThat(killed.status()).as("the request on the killed node: no answer (%s)", killed.body())
                .isEqualTo(-1);

        List<Instant> calls = userPool.arrivals(REFRESHES);
        calls = calls.subList(before, calls.size());
        assertThat(calls).as("REFRESH_TOKEN_AUTH calls on the wire: the dead node's (held, dropped) and the "
                + "taker's, no third").hasSize(2);
        Duration takeover = Duration.between(calls.get(0), calls.get(1));
        assertThat(takeover).as("the takeover came after the dead node's lease lapsed (%s), not before: a second "
                + "refresh while the lease held would break refresh-token rotation", LEASE)
                .isGreaterThanOrEqualTo(LEASE.minusSeconds(1));
        assertThat(takeover).as("and within the lease plus the grid's polling and a busy machine's slack")
                .isLessThanOrEqualTo(LEASE.plusSeconds(3));
        for (Answered answer : answers) {
            assertThat(answer.status()).as("a request waiting for the dead node's refresh: %s", answer.body())
                    .isEqualTo(200);
            assertThat(Http.json(answer.response()).getString("caller")).isEqualTo(takenOver.user());
            assertThat(answer.took()).as("a request's wait (bound %s)", REFRESH_WAIT_BOUND)
                    .isLessThanOrEqualTo(REFRESH_WAIT_BOUND);
        }
        long now = me(new Browser(taker.url(APP), cookies)).getJsonNumber("exp").longValue();
        assertThat(now).as("the session's access token after the takeover").isGreaterThan(exp);
        assertThat(userPool.calls(REFRESHES) - before).as("refresh calls in all").isEqualTo(2);
        report("Takeover: node c's REFRESH_TOKEN_AUTH held in flight, node c SIGKILLed %d ms after the call reached "
                + "the wire; node b refreshed %d ms after node c's call (lease %d s); %d requests waiting (%d on b "
                + "directly, %d through the balancer), all 200 as the user, slowest %d ms (bound %d s); refresh "
                + "calls on the wire: %d (1 dropped with its dead node, 1 made by the taker)",
                Duration.between(calls.get(0), killedAt).toMillis(), takeover.toMillis(), LEASE.toSeconds(),
                answers.size(), PER_TARGET, PER_TARGET, slowest(answers).toMillis(), REFRESH_WAIT_BOUND.toSeconds(),
                calls.size());
    }

    /** Signs a new user in on the {@code node}th node directly. */
    private static SignedIn signedIn(String prefix, int node) {
        String user = "cluster-" + prefix + "-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        CookieManager cookies = Browser.cookieJar();
        Instant at = Instant.now();
        HttpResponse<String> signIn = signIn(new Browser(cluster.node(node).url(APP), cookies), user);
        assertThat(signIn.statusCode()).as("sign-in of %s: %s", user, signIn.body()).isEqualTo(200);
        return new SignedIn(user, cookies, at);
    }

    private static void awaitAge(SignedIn session, Duration age) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), session.at().plus(age));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
    }

    /** A moment at which an access token expiring at {@code exp} is due for refresh, by 2 s. */
    private static Instant dueMoment(long exp) {
        return Instant.ofEpochSecond(exp).minus(REFRESH_AHEAD).plusSeconds(2);
    }

    private static void moveClocks(List<PayaraCluster.Node> nodes, Instant moment) {
        nodes.forEach(node -> ServerClock.moveTo(node.url(APP), moment));
    }

    /** {@value #PER_TARGET} requests of {@code path} to each node directly and through the balancer, all at once. */
    private static List<Answered> concurrently(CookieManager cookies, String path) throws Exception {
        List<Sent> sent = new ArrayList<>();
        List<Browser> targets = new ArrayList<>();
        cluster.nodes().forEach(node -> targets.add(new Browser(node.url(APP), cookies)));
        targets.add(new Browser(cluster.url(APP), cookies));
        for (int i = 0; i < PER_TARGET; i++) {
            for (Browser target : targets) {
                sent.add(Sent.now(target, path));
            }
        }
        List<Answered> answers = new ArrayList<>();
        for (Sent request : sent) {
            answers.add(request.answer().get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static Duration slowest(List<Answered> answers) {
        return answers.stream().map(Answered::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The module's caches in the grid of {@code app}, seen from {@code node}: what they hold, with their sizes. */
    private static Map<String, Long> moduleCaches(PayaraCluster.Node node, String... app) {
        Map<String, Long> caches = new TreeMap<>();
        JsonObject footprint = moduleCacheFootprint(node, app.length == 0 ? APP : app[0]);
        footprint.forEach((what, value) -> caches.put(what, value.asJsonObject().getJsonNumber("entries").longValue()));
        return caches;
    }

    /** The module's caches of {@code app}: per cache, its entries and their key and value bytes. */
    private static JsonObject moduleCacheFootprint(PayaraCluster.Node node, String app) {
        HttpResponse<String> grid = Http.get(node.url(app), "test-grid");
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        var caches = Json.createObjectBuilder();
        for (JsonValue cache : Http.json(grid).getJsonArray("caches")) {
            JsonObject entry = cache.asJsonObject();
            caches.add(entry.getString("what"), entry);
        }
        return caches.build();
    }

    /**
     * The grid's maps summed over the live nodes: per map, entries owned, their bytes, backup entries, their bytes.
     */
    private static Map<String, long[]> sessionMaps() {
        Map<String, long[]> maps = new TreeMap<>();
        for (PayaraCluster.Node node : cluster.liveNodes()) {
            JsonObject grid = Http.json(Http.get(node.url(APP), "test-grid"));
            assertThat(grid.containsKey("maps")).as("the grid's map statistics on node %s: %s", node.name(), grid)
                    .isTrue();
            for (JsonValue value : grid.getJsonArray("maps")) {
                JsonObject map = value.asJsonObject();
                long[] sums = maps.computeIfAbsent(map.getString("name"), name -> new long[4]);
                sums[0] += map.getJsonNumber("ownedEntries").longValue();
                sums[1] += map.getJsonNumber("ownedBytes").longValue();
                sums[2] += map.getJsonNumber("backupEntries").longValue();
                sums[3] += map.getJsonNumber("backupBytes").longValue();
            }
        }
        return maps;
    }

    private static java.nio.file.Path stateReport() {
        return TestSettings.buildDir().resolve("cluster-state.txt");
    }

    /** One line of figures: printed, and added to {@code target/cluster-state.txt}. */
    private static void report(String format, Object... args) throws UncheckedIOException {
        String line = String.format(format, args) + System.lineSeparator();
        System.out.print(line);
        try {
            Files.writeString(stateReport(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user signed in, with the cookies of their session and when the sign-in was sent. */
    private record SignedIn(String user, CookieManager cookies, Instant at) {
    }

    /** A request sent asynchronously, and when. */
    private record Sent(long sentNanos, CompletableFuture<Answered> answer) {

        static Sent now(Browser browser) {
            return now(browser, "api/me");
        }

        static Sent now(Browser browser, String path) {
            long sent = System.nanoTime();
            return new Sent(sent, browser.getAsync(path).handle((response, failure) -> new Answered(response,
                    failure, Duration.ofNanos(System.nanoTime() - sent))));
        }
    }

    /** What a request got (a response, or the failure of a request that got none) and how long it took. */
    private record Answered(HttpResponse<String> response, Throwable failure, Duration took) {

        int status() {
            return response == null ? -1 : response.statusCode();
        }

        String body() {
            return response == null ? String.valueOf(failure) : response.body();
        }
    }

    private static HttpResponse<String> signIn(Browser browser, String user) {
        return browser.postJson("j_security_check", Json.createObjectBuilder().add("username", user)
                .add("password", CognitoFixture.PASSWORD).build());
    }

    private static JsonObject me(Browser browser) {
        HttpResponse<String> response = browser.get("api/me", "Accept", "application/json");
        assertThat(response.statusCode()).as("GET api/me: %s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The sum of every node's counters of {@code app} (the session writes the WAR counted). */
    private static Counters counters(String app) {
        long module = 0;
        long probe = 0;
        for (PayaraCluster.Node node : cluster.liveNodes()) {
            JsonObject counters = Http.json(Http.get(node.url(app), "test-counters"));
            module += counters.getJsonNumber("moduleWrites").longValue();
            probe += counters.getJsonNumber("probeWrites").longValue();
        }
        return new Counters(module, probe);
    }

    private record Counters(long moduleWrites, long probeWrites) {
    }

    /** One signed-in user under load, through the balancer. */
    private record Session(String user, CookieManager cookies, Browser balanced) {

        Answer read(long sentNanos) {
            try {
                HttpResponse<String> response = balanced.get("api/me", "Accept", "application/json");
                String node = null;
                String caller = null;
                if (response.statusCode() == 200) {
                    JsonObject me = Http.json(response);
                    node = me.getString("node");
                    caller = me.getString("caller");
                }
                return new Answer(user, sentNanos, response.statusCode(), node, caller);
            } catch (UncheckedIOException e) {
                return new Answer(user, sentNanos, -1, null, null); // no answer at all
            }
        }
    }

    /** What one request of the load got: its status (-1: an I/O error), and who answered as whom. */
    private record Answer(String user, long sentNanos, int status, String node, String caller) {
    }

    /** The failover figures of one run. */
    private record Failover(int sessions, int requests, int ok, int failedRequests, int wrongCaller,
                            Set<String> lostSessions, Map<String, Integer> afterKillOkBySession,
                            Set<String> nodesAfterKill, Map<Integer, Integer> statuses, int inFlightAtKill) {

        static Failover of(List<Session> sessions, ConcurrentLinkedQueue<Answer> answers, long killedAt,
                           int inFlightAtKill) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<String> lost = new LinkedHashSet<>();
            Map<String, Integer> afterKill = new LinkedHashMap<>();
            Set<String> nodesAfterKill = new LinkedHashSet<>();
            int ok = 0;
            int failed = 0;
            int wrong = 0;
            // the balancer checks every 250 ms: a request sent in that window may still be tried on the dead node
            long checked = killedAt + Duration.ofSeconds(1).toNanos();
            for (Answer answer : answers) {
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 200) {
                    ok++;
                    if (!answer.user().equals(answer.caller())) {
                        wrong++;
                    }
                    if (answer.sentNanos() > killedAt) {
                        afterKill.merge(answer.user(), 1, Integer::sum);
                    }
                    if (answer.sentNanos() > checked) {
                        nodesAfterKill.add(answer.node());
                    }
                } else if (answer.status() == 401) {
                    lost.add(answer.user());
                } else if (answer.status() >= 500 || answer.status() < 0) {
                    failed++;
                }
            }
            return new Failover(sessions.size(), answers.size(), ok, failed, wrong, lost, afterKill,
                    Collections.unmodifiableSet(nodesAfterKill), statuses, inFlightAtKill);
        }

        String report() {
            return String.format("""
                    Cluster failover (ClusterIT): 3 nodes behind HAProxy round-robin, %d sessions signed in on node a,
                    one loop of GET api/me per session through the balancer; node a SIGKILLed after %d s, load %d s more.
                      sessions before the kill: %d; sessions served after it: %d; sessions lost (a 401): %d
                      requests answered: %d (200: %d); 5xx or no answer: %d (requests in flight at the kill: %d)
                      statuses: %s (-1 = no answer); nodes answering 1 s after the kill: %s
                    """, sessions, LOAD_BEFORE_KILL.toSeconds(), LOAD_AFTER_KILL.toSeconds(), sessions,
                    afterKillOkBySession.size(), lostSessions.size(), requests, ok, failedRequests, inFlightAtKill,
                    statuses, nodesAfterKill);
        }
    }
}
