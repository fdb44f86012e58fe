package dev.cognitoee.it.bench;

import dev.cognitoee.it.bench.app.AdminResource;
import dev.cognitoee.it.bench.module.ModuleApi;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.LoadBalancer;
import dev.cognitoee.it.support.PayaraCluster;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The cluster benchmark ({@code bench/cluster.sh}): signed-in-session requests per second through HAProxy to the same
 * WAR on three set-ups, warm side by side and loaded one at a time with {@code wrk}, in interleaved rounds:
 * <ul>
 *   <li>one Payara Micro with {@code --nohazelcast}: sessions in memory, no grid (the WAR without
 *   {@code <distributable/>});</li>
 *   <li>one Payara Micro clustered ({@code <distributable/>}): Hazelcast on, a one-member grid;</li>
 *   <li>three Payara Micro clustered, round-robin: the session kept in the grid with a backup on another member.</li>
 * </ul>
 * Each request carries one of {@code --sessions} signed-in sessions' cookie ({@code JSESSIONID} only, rotating; see
 * {@code bench/session-cookies.lua}). Printed as a markdown table (also {@code target/cluster-bench-results.md}):
 * req/s, latency, the Payara JVMs' CPU per request, and the ratios that matter.
 */
public final class ClusterBenchmark {

    private static final String APP = "module";
    private static final String SESSION_KEY = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String NO_GRID = "1 node, `--nohazelcast`";
    private static final String ONE = "1 node, clustered (one-member grid)";
    private static final String THREE = "3 nodes, clustered, round-robin";

    /** One set-up: its Payara processes and the balancer in front of them. */
    private record Setup(String label, List<PayaraMicroProcess> nodes, LoadBalancer balancer, Path cookies) {

        String url() {
            return balancer.url(APP) + "api/admin";
        }

        long cpuTicks() {
            return nodes.stream().mapToLong(node -> ProcFs.cpuTicks(node.pid())).sum();
        }
    }

    /** One measurement. */
    private record Cell(Wrk.Result wrk, double cpuMicrosPerRequest) {
    }

    private final BenchOptions options;
    private final Map<String, Setup> setups = new LinkedHashMap<>();
    private final Map<String, List<Cell>> cells = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Path script;

    private ClusterBenchmark(BenchOptions options) {
        this.options = options;
        this.script = Path.of(TestSettings.required("bench.dir"), "session-cookies.lua");
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parseCluster(args);
        Instant started = Instant.now();
        String loadBefore = ProcFs.loadAverage();
        System.out.println("Cluster benchmark, " + options);
        CognitoLocal emulator = CognitoLocal.startWithoutTriggers(FreePort.next());
        ClusterBenchmark bench = new ClusterBenchmark(options);
        try {
            CognitoFixture fixture = CognitoFixture.seed(emulator);
            bench.boot(fixture);
            bench.warmUp();
            for (int round = 1; round <= options.number("rounds"); round++) {
                bench.round(round);
            }
            String table = bench.report(started, loadBefore);
            Path out = TestSettings.buildDir().resolve("cluster-bench-results.md");
            Files.writeString(out, table);
            System.out.println();
            System.out.println(table);
            System.out.println("Written to " + out + "; took " + Duration.between(started, Instant.now()).toSeconds()
                    + " s");
        } finally {
            bench.close();
            emulator.stop();
        }
    }

    /**
     * Boots the three set-ups one after the other, and signs the sessions in on each (through its balancer). The
     * single server without a grid runs the WAR without {@code <distributable/>}, as a single server would: Payara
     * Micro 6 with {@code --nohazelcast} cannot load a distributable application's session for a request that does
     * not carry {@code JSESSIONIDVERSION} (it logs "Hazelcast is not enabled" and the request is anonymous).
     */
    private void boot(CognitoFixture fixture) throws IOException {
        List<WebArchive> wars = List.of(war(fixture, true));
        Map<String, String> properties = Map.of("cognito.session-encryption-key", SESSION_KEY);
        System.out.println("Booting: " + NO_GRID);
        PayaraMicroProcess alone = PayaraMicroProcess.boot("cluster-bench-nogrid", List.of(war(fixture, false)),
                FreePort.next(), properties);
        running.add(alone);
        LoadBalancer balancer = LoadBalancer.roundRobin("cluster-bench-nogrid-haproxy", List.of(alone.port()));
        running.add(balancer);
        add(NO_GRID, List.of(alone), balancer);
        System.out.println("Booting: " + ONE);
        PayaraCluster one = PayaraCluster.boot("cluster-bench-one", 1, wars, properties);
        running.add(one);
        add(ONE, one.nodes().stream().map(PayaraCluster.Node::payara).toList(), one.balancer());
        System.out.println("Booting: " + THREE);
        PayaraCluster three = PayaraCluster.boot("cluster-bench-three", 3, wars, properties);
        running.add(three);
        add(THREE, three.nodes().stream().map(PayaraCluster.Node::payara).toList(), three.balancer());
    }

    private void add(String label, List<PayaraMicroProcess> nodes, LoadBalancer balancer) throws IOException {
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < options.number("sessions"); i++) {
            cookies.add(SessionSignIn.session(balancer.url(APP), CognitoFixture.ALICE, CognitoFixture.PASSWORD));
        }
        Path file = TestSettings.buildDir().resolve("cluster-bench-" + setups.size() + "-cookies.txt");
        Files.write(file, cookies);
        Setup setup = new Setup(label, nodes, balancer, file);
        // a second of load: any answer but 2xx (a session that does not work) stops the run
        Wrk.run(setup.url(), 1, Wrk.THREADS, Map.of(), script, environment(setup), true);
        setups.put(label, setup);
        cells.put(label, new ArrayList<>());
    }

    /** The bench app of bench/e2e.sh (the protected {@code api/admin}), {@code <distributable/>} or not. */
    private static WebArchive war(CognitoFixture fixture, boolean distributable) {
        WebArchive war = TestWars.war(APP, TestWars.poolSettings(fixture), ModuleApi.class.getPackage())
                .addPackage(AdminResource.class.getPackage());
        return !distributable ? war : war.addAsWebInfResource(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <distributable/>
                </web-app>
                """), "web.xml");
    }

    /** Each set-up for {@code --warmup} seconds per node (the three-node one loads each JVM a third as much). */
    private void warmUp() {
        for (Setup setup : setups.values()) {
            int seconds = options.number("warmup") * setup.nodes().size();
            System.out.println("Warm-up " + seconds + " s: " + setup.label());
            Wrk.run(setup.url(), seconds, Map.of(), script, environment(setup), false);
        }
    }

    /** One round: every set-up re-warmed then measured, in an order that shifts by one each round. */
    private void round(int round) {
        List<Setup> order = new ArrayList<>(setups.values());
        Collections.rotate(order, -(round - 1));
        for (Setup setup : order) {
            Wrk.run(setup.url(), options.number("rewarm"), Map.of(), script, environment(setup), false);
            long ticksBefore = setup.cpuTicks();
            Wrk.Result result = Wrk.run(setup.url(), options.number("duration"), Map.of(), script,
                    environment(setup), true);
            double cpu = (setup.cpuTicks() - ticksBefore) * 1e6 / ProcFs.CLOCK_TICKS / result.requests();
            cells.get(setup.label()).add(new Cell(result, cpu));
            System.out.printf("Round %d: %-40s %8.0f req/s  p50 %6.0f µs  p99 %6.0f µs  CPU %5.0f µs/req%n", round,
                    setup.label(), result.requestsPerSecond(), result.p50Micros(), result.p99Micros(), cpu);
        }
    }

    private static Map<String, String> environment(Setup setup) {
        return Map.of("BENCH_COOKIES", setup.cookies().toString(), "BENCH_THREADS", Integer.toString(Wrk.THREADS));
    }

    private String report(Instant started, String loadBefore) {
        StringBuilder out = new StringBuilder();
        out.append("Cluster benchmark (bench/cluster.sh ").append(options.get("mode")).append("), ")
                .append(E2eBenchmark.utc(started)).append(", commit ")
                .append(System.getenv().getOrDefault("BENCH_COMMIT", "unknown")).append('\n')
                .append("Machine: ").append(ProcFs.machine()).append("; load average before: ").append(loadBefore)
                .append(", after: ").append(ProcFs.loadAverage()).append('\n')
                .append("wrk -t").append(Wrk.THREADS).append(" -c").append(Wrk.CONNECTIONS).append(", ")
                .append(options.get("sessions")).append(" signed-in sessions rotating, HAProxy round-robin in front of"
                        + " every set-up; ").append(options.get("rounds")).append(" round(s) of ")
                .append(options.get("duration")).append(" s per set-up after ").append(options.get("warmup"))
                .append(" s of warm-up per node; median (min-max) over the rounds\n\n")
                .append("| set-up | req/s | p50 | p99 | Payara CPU per request (all nodes) |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (String label : setups.keySet()) {
            List<Cell> mine = cells.get(label);
            out.append("| ").append(label)
                    .append(" | ").append(Report.withRange(mine.stream().map(c -> c.wrk().requestsPerSecond()).toList(),
                            1, "%.0f"))
                    .append(" | ").append(micros(mine.stream().map(c -> c.wrk().p50Micros()).toList()))
                    .append(" | ").append(micros(mine.stream().map(c -> c.wrk().p99Micros()).toList()))
                    .append(" | ").append(micros(mine.stream().map(Cell::cpuMicrosPerRequest).toList()))
                    .append(" |\n");
        }
        out.append('\n')
                .append("- 3 nodes to 1 node (both clustered), req/s: ").append(ratio(THREE, ONE)).append('\n')
                .append("- 1 node clustered to `--nohazelcast`, req/s: ").append(ratio(ONE, NO_GRID)).append('\n')
                .append("- replication's CPU per request, 1 node clustered minus `--nohazelcast`: ")
                .append(cpuDifference(ONE, NO_GRID)).append('\n')
                .append("- replication's CPU per request, 3 nodes (summed) minus `--nohazelcast`: ")
                .append(cpuDifference(THREE, NO_GRID)).append('\n');
        return out.toString();
    }

    private static String micros(List<Double> values) {
        return Report.withRange(values, 1, "%.0f") + " µs";
    }

    /** Median (min-max) of the per-round req/s ratio of two set-ups. */
    private String ratio(String label, String to) {
        List<Double> ratios = new ArrayList<>();
        List<Cell> mine = cells.get(label);
        List<Cell> theirs = cells.get(to);
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            ratios.add(mine.get(i).wrk().requestsPerSecond() / theirs.get(i).wrk().requestsPerSecond());
        }
        return Report.withRange(ratios, 1, "%.2f");
    }

    /** Median (min-max) of the per-round difference in CPU per request of two set-ups. */
    private String cpuDifference(String label, String to) {
        List<Double> differences = new ArrayList<>();
        List<Cell> mine = cells.get(label);
        List<Cell> theirs = cells.get(to);
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            differences.add(mine.get(i).cpuMicrosPerRequest() - theirs.get(i).cpuMicrosPerRequest());
        }
        return Report.withRange(differences, 1, "%+.0f") + " µs";
    }

    /** Stops whatever was started, the last first. */
    private void close() {
        Collections.reverse(running);
        for (AutoCloseable started : running) {
            try {
                started.close();
            } catch (Exception e) {
                System.out.println("Stopping " + started + " failed: " + e);
            }
        }
    }
}
