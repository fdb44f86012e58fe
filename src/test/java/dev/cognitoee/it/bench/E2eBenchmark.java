package dev.cognitoee.it.bench;

import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark ({@code bench/e2e.sh}): loads each row's server with {@code wrk}, one server at a time,
 * in interleaved rounds, and prints a markdown table of req/s, latency, server CPU per request, allocation per
 * request and GC pauses, with each row's ratio to the floor measured in the same round.
 * <p>
 * Options ({@code --name=value}): {@code --quick} (a smoke check: short warm-up, one round, a few seconds a cell),
 * {@code --rounds}, {@code --warmup} (seconds per server before the first round, shared among its rows),
 * {@code --rewarm} (seconds before each measurement), {@code --duration} (seconds measured per cell),
 * {@code --tokens} (distinct tokens of the first-sight row), {@code --cache-size} (the module's token cache),
 * {@code --sign-in} (seconds of the sign-in phase, 0 for none); see {@link BenchOptions}.
 */
public final class E2eBenchmark {

    /** One row of the table: a server, a path, and how wrk sends the caller's credentials. */
    private record Row(String label, String server, String path, Map<String, String> headers, boolean rotating,
                       String ratioTo) {
    }

    /** One measurement of one row. */
    private record Cell(Wrk.Result wrk, double cpuMicrosPerRequest, Instant start, Instant end,
                        EmulatorCallCounter.Counts calls) {
    }

    private static final String ANONYMOUS_FLOOR = "anonymous, public resource: floor WAR";
    private static final String BEARER_FLOOR = "floor: no-crypto mechanism, `@RolesAllowed`";
    private static final String CACHED_BEARER = "module: bearer, cached token";
    private static final String MPJWT = "Payara MP-JWT, same token";

    private final BenchOptions options;
    private final BenchStack stack;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Row, List<Cell>> cells = new LinkedHashMap<>();
    private final Map<Row, String> failures = new LinkedHashMap<>();
    private final Path script;
    private SignInPhase.Result signIns;
    private String signInFailure;

    private E2eBenchmark(BenchOptions options, BenchStack stack) {
        this.options = options;
        this.stack = stack;
        this.script = Path.of(TestSettings.required("bench.dir"), "rotate-tokens.lua");
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Instant started = Instant.now();
        System.out.println("End-to-end benchmark, " + options);
        String loadBefore = ProcFs.loadAverage();
        try (BenchStack stack = BenchStack.start(options.number("tokens"), options.number("cache-size"))) {
            E2eBenchmark bench = new E2eBenchmark(options, stack);
            bench.defineRows();
            bench.checkRows();
            bench.warmUp();
            for (int round = 1; round <= options.number("rounds"); round++) {
                bench.round(round);
            }
            bench.signIns();
            stack.close(); // the servers write their JFR files as they stop
            String table = bench.report(started, loadBefore);
            Path out = TestSettings.buildDir().resolve("e2e-results.md");
            Files.writeString(out, table);
            System.out.println();
            System.out.println(table);
            System.out.println("Written to " + out + "; took " + Duration.between(started, Instant.now()).toSeconds()
                    + " s");
            if (!bench.failures.isEmpty() || bench.signInFailure != null) {
                System.exit(1);
            }
        }
    }

    private void defineRows() {
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + stack.token());
        String session = stack.signedInSession();
        rows.add(new Row(ANONYMOUS_FLOOR, BenchStack.FLOOR, "api/public", Map.of(), false, null));
        rows.add(new Row("anonymous, public resource: module WAR", BenchStack.MODULE, "api/public", Map.of(), false,
                ANONYMOUS_FLOOR));
        rows.add(new Row(BEARER_FLOOR, BenchStack.FLOOR, "api/admin", bearer, false, null));
        rows.add(new Row(CACHED_BEARER, BenchStack.MODULE, "api/admin", bearer, false, BEARER_FLOOR));
        rows.add(new Row("module: bearer, first sight (" + stack.tokenCount() + " tokens, cache "
                + options.get("cache-size") + ")", BenchStack.MODULE, "api/admin", Map.of(), true, BEARER_FLOOR));
        rows.add(new Row("module: signed-in session (cookie)", BenchStack.MODULE, "api/admin",
                Map.of("Cookie", "JSESSIONID=" + session), false, BEARER_FLOOR));
        rows.add(new Row(MPJWT, BenchStack.MPJWT, "api/admin", bearer, false, BEARER_FLOOR));
        rows.forEach(row -> cells.put(row, new ArrayList<>()));
    }

    /** One request per row, before any load: each must answer 200 with the expected body, or the row is dropped. */
    private void checkRows() {
        for (Row row : rows) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(row)));
            Map<String, String> headers = row.rotating()
                    ? Map.of("Authorization", "Bearer " + firstRotatingToken()) : row.headers();
            headers.forEach(request::header);
            HttpResponse<String> response = send(request.build());
            if (response.statusCode() != 200 || !expectedBody(row, response.body())) {
                failures.put(row, "answered " + response.statusCode() + (response.statusCode() == 200
                        ? " " + response.body().substring(0, Math.min(80, response.body().length())) : ""));
                System.out.println("Row dropped: " + row.label() + ": " + failures.get(row));
            }
        }
    }

    /**
     * "public", or the protected resource naming alice: by her username, or with MP-JWT by her {@code sub}, as a
     * Cognito access token has neither {@code upn} nor {@code preferred_username}.
     */
    private static boolean expectedBody(Row row, String body) {
        if (row.path().equals("api/public")) {
            return body.equals("public");
        }
        return row.server().equals(BenchStack.MPJWT)
                ? body.matches("admin area of [0-9a-f-]{36}")
                : body.equals("admin area of " + CognitoFixture.ALICE);
    }

    private String firstRotatingToken() {
        try (var lines = Files.lines(stack.tokenFile())) {
            return lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Warms each server for --warmup seconds, shared among its rows, before the first round. */
    private void warmUp() {
        for (String server : List.of(BenchStack.FLOOR, BenchStack.MODULE, BenchStack.MPJWT)) {
            List<Row> mine = live().stream().filter(row -> row.server().equals(server)).toList();
            int each = Math.max(1, options.number("warmup") / Math.max(1, mine.size()));
            for (Row row : mine) {
                System.out.println("Warm-up " + each + " s: " + row.label());
                load(row, each);
            }
        }
    }

    /** One round: every live row re-warmed then measured, in an order that shifts by one row each round. */
    private void round(int round) {
        List<Row> order = new ArrayList<>(live());
        Collections.rotate(order, -(round - 1));
        for (Row row : order) {
            load(row, options.number("rewarm"));
            long pid = stack.server(row.server()).payara().pid();
            long ticksBefore = ProcFs.cpuTicks(pid);
            EmulatorCallCounter.Counts callsBefore = stack.calls().counts();
            Instant start = Instant.now();
            Wrk.Result result = load(row, options.number("duration"), true);
            Instant end = Instant.now();
            long ticks = ProcFs.cpuTicks(pid) - ticksBefore;
            EmulatorCallCounter.Counts calls = stack.calls().counts().minus(callsBefore);
            double cpu = ticks * 1e6 / ProcFs.CLOCK_TICKS / result.requests();
            cells.get(row).add(new Cell(result, cpu, start, end, calls));
            System.out.printf("Round %d: %-60s %8.0f req/s  p50 %6.0f µs  p99 %6.0f µs  CPU %4.0f µs/req  "
                            + "Cognito calls %d + %d%n", round, row.label(), result.requestsPerSecond(),
                    result.p50Micros(), result.p99Micros(), cpu, calls.jwks(), calls.api());
        }
    }

    /** The sign-in phase (sign-ins per second, heap per session), unless {@code --sign-in=0}. */
    private void signIns() {
        if (options.number("sign-in") <= 0) {
            return;
        }
        System.out.println("Sign-ins through j_security_check for " + options.get("sign-in") + " s...");
        try {
            signIns = SignInPhase.run(stack.server(BenchStack.MODULE), options.number("sign-in"),
                    script.resolveSibling("sign-in.lua"));
        } catch (RuntimeException e) {
            signInFailure = e.getMessage();
            System.out.println("Sign-in phase failed: " + e.getMessage());
        }
    }

    private List<Row> live() {
        return rows.stream().filter(row -> !failures.containsKey(row)).toList();
    }

    private Wrk.Result load(Row row, int seconds) {
        return load(row, seconds, false);
    }

    /** Loads the row's server; {@code measured}: wrk's socket errors (timeouts) fail the run. */
    private Wrk.Result load(Row row, int seconds, boolean measured) {
        Map<String, String> environment = row.rotating()
                ? Map.of("BENCH_TOKENS", stack.tokenFile().toString(), "BENCH_THREADS", Integer.toString(Wrk.THREADS))
                : Map.of();
        return Wrk.run(url(row), seconds, row.headers(), row.rotating() ? script : null, environment, measured);
    }

    private String url(Row row) {
        return stack.server(row.server()).baseUrl() + row.path();
    }

    private String report(Instant started, String loadBefore) {
        Map<String, JfrWindows> recordings = new LinkedHashMap<>();
        for (String server : List.of(BenchStack.FLOOR, BenchStack.MODULE, BenchStack.MPJWT)) {
            Path file = stack.server(server).recording();
            recordings.put(server, Files.isRegularFile(file) ? JfrWindows.read(file) : null);
        }
        Report report = new Report(options, started, loadBefore, ProcFs.loadAverage());
        for (Row row : rows) {
            if (failures.containsKey(row)) {
                report.failed(row.label(), row.server(), failures.get(row));
                continue;
            }
            List<Cell> mine = cells.get(row);
            List<Double> ratios = row.ratioTo() == null ? List.of() : ratios(row, row(row.ratioTo()));
            List<Double> allocation = new ArrayList<>();
            List<JfrWindows.Window> gcs = new ArrayList<>();
            JfrWindows recording = recordings.get(row.server());
            for (Cell cell : mine) {
                if (recording != null) {
                    JfrWindows.Window window = recording.window(cell.start(), cell.end());
                    gcs.add(window);
                    allocation.add((double) window.allocatedBytes() / cell.wrk().requests());
                }
            }
            report.row(row.label(), row.server(),
                    mine.stream().map(c -> c.wrk().requestsPerSecond()).toList(),
                    mine.stream().map(c -> c.wrk().p50Micros()).toList(),
                    mine.stream().map(c -> c.wrk().p99Micros()).toList(),
                    mine.stream().map(Cell::cpuMicrosPerRequest).toList(),
                    allocation, gcs, ratios, row.server().equals(BenchStack.MODULE)
                            ? mine.stream().map(Cell::calls).reduce(new EmulatorCallCounter.Counts(0, 0),
                                    (a, b) -> new EmulatorCallCounter.Counts(a.jwks() + b.jwks(), a.api() + b.api()))
                            : null);
        }
        report.note(ratio(MPJWT, CACHED_BEARER, "MP-JWT to the module's cached bearer"));
        if (signIns != null) {
            report.signIns(signIns, SignInPhase.CONNECTIONS, options.get("sign-in"));
        } else if (signInFailure != null) {
            report.note("Sign-in phase failed: " + signInFailure.lines().findFirst().orElse(""));
        }
        return report.markdown();
    }

    /** "name: median (min-max)" of the per-round ratio of two rows, or nothing when either has no numbers. */
    private String ratio(String label, String toLabel, String name) {
        List<Double> ratios = ratios(row(label), row(toLabel));
        return ratios.isEmpty() ? "" : name + ": " + Report.withRange(ratios, 1, "%.2f");
    }

    /** req/s of {@code row} over req/s of {@code to}, round by round (each row has one cell per round). */
    private List<Double> ratios(Row row, Row to) {
        List<Cell> mine = cells.get(row);
        List<Cell> theirs = cells.get(to);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            ratios.add(mine.get(i).wrk().requestsPerSecond() / theirs.get(i).wrk().requestsPerSecond());
        }
        return ratios;
    }

    private Row row(String label) {
        return rows.stream().filter(row -> row.label().equals(label)).findFirst().orElseThrow();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(instant);
    }
}
