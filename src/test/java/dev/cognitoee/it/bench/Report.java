package dev.cognitoee.it.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The markdown the end-to-end benchmark prints: what ran where, then one line per row (median and range). */
final class Report {

    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();

    Report(BenchOptions options, Instant started, String loadBefore, String loadAfter) {
        lines.append("### End-to-end run, ").append(options.get("mode")).append(" mode\n\n")
                .append("- date: ").append(E2eBenchmark.utc(started)).append("\n")
                .append("- commit: ").append(environment("BENCH_COMMIT", "unknown")).append("\n")
                .append("- command: `").append(environment("BENCH_COMMAND", "bench/e2e.sh")).append("`\n")
                .append("- machine: ").append(ProcFs.machine()).append("\n")
                .append("- JDK ").append(System.getProperty("java.version")).append(", Payara Micro ")
                .append(System.getProperty("cognitoee.payaraVersion", "?")).append(", -Xms512m -Xmx512m, default GC\n")
                .append("- settings: ").append(options).append("; wrk -t").append(Wrk.THREADS).append(" -c")
                .append(Wrk.CONNECTIONS).append(" over loopback, one server loaded at a time\n")
                .append("- load average before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append("\n\n")
                .append("| row | server | req/s | p50 ms | p99 ms | CPU µs/req | alloc kB/req "
                        + "| GCs, mean / max pause ms | Cognito calls | ratio to floor |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }

    void row(String label, String server, List<Double> rates, List<Double> p50, List<Double> p99, List<Double> cpu,
             List<Double> allocation, List<JfrWindows.Window> gcs, List<Double> ratios,
             EmulatorCallCounter.Counts calls) {
        int count = gcs.stream().mapToInt(JfrWindows.Window::gcs).sum();
        Duration pauses = gcs.stream().map(JfrWindows.Window::totalPause).reduce(Duration.ZERO, Duration::plus);
        Duration longest = gcs.stream().map(JfrWindows.Window::longestPause).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        String gc = gcs.isEmpty() ? "n/a" : count == 0 ? "0"
                : String.format("%d, %.1f / %.1f", count, pauses.toNanos() / 1e6 / count, longest.toNanos() / 1e6);
        lines.append("| ").append(label).append(" | ").append(server)
                .append(" | ").append(withRange(rates, 1, "%.0f"))
                .append(" | ").append(median(p50, 1e-3, "%.2f"))
                .append(" | ").append(median(p99, 1e-3, "%.2f"))
                .append(" | ").append(median(cpu, 1, "%.0f"))
                .append(" | ").append(median(allocation, 1e-3, "%.0f"))
                .append(" | ").append(gc)
                .append(" | ").append(calls == null ? "-" : calls.jwks() + " + " + calls.api())
                .append(" | ").append(ratios.isEmpty() ? "" : withRange(ratios, 1, "%.2f"))
                .append(" |\n");
    }

    void failed(String label, String server, String reason) {
        lines.append("| ").append(label).append(" | ").append(server).append(" | failed: ")
                .append(reason.replace('|', '/')).append(" | | | | | | | |\n");
    }

    /** The sign-in phase's line under the table. */
    void signIns(SignInPhase.Result signIns, int connections, String seconds) {
        note(String.format("Sign-ins through `j_security_check` (JSON, wrk -c%d, no cookie: each asks the emulator "
                        + "and opens a session): %d in %s s, **%.0f per second**, bounded by cognito-local, not by "
                        + "the module. Heap retained per signed-in session: **%.1f kB** (live heap from "
                        + "`jcmd GC.class_histogram` %.1f MB before, %.1f MB after, divided by %d sessions).",
                connections, signIns.sessions(), seconds, signIns.signInsPerSecond(), signIns.bytesPerSession() / 1024,
                signIns.liveHeapBefore() / 1048576.0, signIns.liveHeapAfter() / 1048576.0, signIns.sessions()));
    }

    /** A line under the table (nothing when {@code text} is empty). */
    void note(String text) {
        if (!text.isEmpty()) {
            notes.append("\n").append(text).append("\n");
        }
    }

    String markdown() {
        return lines.append(notes).append("""

                req/s and ratios: median (min-max) over the rounds, each ratio taken within one round. \
                CPU: utime+stime of the server process (/proc) over the measured seconds, per request. \
                alloc: the bytes the server JVM allocated during the measured seconds, per request, estimated from \
                JFR's allocation samples (sum of jdk.ObjectAllocationSample weights). GCs: collections inside the \
                measured seconds of all rounds, the mean and the longest of their total pauses (JFR \
                jdk.GarbageCollection). Cognito calls: JWKS fetches + API calls the module made during the measured \
                seconds of all rounds, counted by a proxy in front of the emulator (module rows only).
                """).toString();
    }

    private static String median(List<Double> values, double scale, String format) {
        List<Double> known = values.stream().filter(Objects::nonNull).filter(v -> !v.isNaN()).toList();
        return known.isEmpty() ? "n/a" : String.format(format, middle(known) * scale);
    }

    static String withRange(List<Double> values, double scale, String format) {
        if (values.isEmpty()) {
            return "n/a";
        }
        String median = String.format(format, middle(values) * scale);
        if (values.size() == 1) {
            return median;
        }
        return median + " (" + String.format(format, Collections.min(values) * scale) + "-"
                + String.format(format, Collections.max(values) * scale) + ")";
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** What bench/e2e.sh passed in {@code name}, or {@code otherwise}. */
    private static String environment(String name, String otherwise) {
        return Objects.requireNonNullElse(System.getenv(name), otherwise);
    }
}
