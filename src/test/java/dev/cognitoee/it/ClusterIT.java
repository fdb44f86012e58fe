package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.cluster.ClusterSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LoadBalancer;
import dev.cognitoee.it.support.PayaraCluster;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The module on a cluster: three Payara Micro instances on loopback forming one Hazelcast grid, with HAProxy in
 * front of them balancing every request round-robin (no sticky sessions), against the real cognito-local emulator.
 * Signed-in sessions are served as their user by every node, survive the {@code SIGKILL} of the node they were
 * signed in on in the middle of a load, and the module writes nothing to the session on a plain authenticated read
 * (counted on every node; Payara's own writes of the session to the grid are counted too). The failover figures go
 * to {@code target/cluster-failover.txt}.
 */
@EnabledIf(value = "dev.cognitoee.it.support.LoadBalancer#installed", disabledReason = LoadBalancer.MISSING)
@DisabledIf(value = "onPayara7", disabledReason = "Not solved on Payara Micro 7.2025.1 (one run, 2026-12-02): a session "
        + "signed in on one node was 401 on the others, and its own node answered 200 with an empty body; see "
        + "docs/CLUSTER.md")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String APP = "cluster";
    /** A fixed session encryption key for all nodes ({@code k1:} + 32 bytes in base64), as a cluster needs one. */
    private static final String SESSION_KEY = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final int READS = 12;
    private static final int SESSIONS_UNDER_LOAD = 6;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(6);

    private static PayaraCluster cluster;

    static boolean onPayara7() {
        return TestSettings.payaraMajorVersion() >= 7;
    }

    @BeforeAll
    static void boot() {
        cluster = PayaraCluster.boot("cluster-it", 3, List.of(war()),
                Map.of("cognito.session-encryption-key", SESSION_KEY));
    }

    /**
     * The test WAR: the module, {@code <distributable/>}, and Payara's default persistence scope. (Its
     * {@code modified-attribute} scope, which would write only changed attributes, fails on Payara 6.2025.10: a node
     * loading a session from the grid throws a NullPointerException in {@code ReplicationAttributeStore} and the
     * session is lost; see docs/CLUSTER.md.)
     */
    private static WebArchive war() {
        return TestWars.war(APP, TestWars.poolSettings(CognitoFixture.shared()), ClusterSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage())
                .addAsWebInfResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                            <distributable/>
                        </web-app>
                        """), "web.xml");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
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
    @Order(5) // last: it kills a node
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
