package dev.cognitoee.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The markdown the end-to-end benchmark prints: what ran where, then one line per row (median and range). */
final class Report {

    private final StringBuilder lines = new StringBuilder();
    private final StringBuilder notes = new StringBuilder();

    Report(Map<String, String> options, Instant started, String loadBefore, String loadAfter) {
        lines.append("### End-to-end run, ").append(options.get("mode")).append(" mode\n\n")
                .append("- date: ").append(E2eBenchmark.utc(started)).append("\n")
                .append("- commit: ").append(Objects.requireNonNullElse(System.getenv("BENCH_COMMIT"), "unknown")).append("\n")
                .append("- command: `").append(Objects.requireNonNullElse(System.getenv("BENCH_COMMAND"), "bench/e2e.sh")).append("`\n")
                .append("- machine: ").append(machine()).append("\n")
                .append("- JDK ").append(System.getProperty("java.version")).append(", Payara Micro ")
                .append(System.getProperty("cognitoee.payaraVersion", "?")).append(", -Xms512m -Xmx512m, default GC\n")
                .append("- settings: ").append(options).append("; wrk -t").append(Wrk.THREADS).append(" -c")
                .append(Wrk.CONNECTIONS).append(" over loopback, one server loaded at a time\n")
                .append("- load average before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append("\n\n")
                .append("| row | server | req/s | p50 ms | p99 ms | CPU µs/req | alloc kB/req | GCs, mean pause ms "
                        + "| Cognito calls | ratio to floor |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }

    void row(String label, String server, List<Double> rates, List<Double> p50, List<Double> p99, List<Double> cpu,
             List<Double> allocation, List<JfrWindows.Window> gcs, List<Double> ratios,
             EmulatorCallCounter.Counts calls) {
        int count = gcs.stream().mapToInt(JfrWindows.Window::gcs).sum();
        Duration pauses = gcs.stream().map(JfrWindows.Window::totalPause).reduce(Duration.ZERO, Duration::plus);
        String gc = gcs.isEmpty() ? "n/a" : count == 0 ? "0"
                : String.format("%d, %.1f", count, pauses.toNanos() / 1e6 / count);
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

    /** A line under the table (nothing when {@code text} is empty). */
    void note(String text) {
        if (!text.isEmpty()) {
            notes.append("\n").append(text).append("\n");
        }
    }

    String markdown() {
        return lines.append(notes).append("\nreq/s and ratios: median (min-max) over the rounds, each ratio taken within one round. "
                + "CPU: utime+stime of the server process (/proc) over the measured seconds, per request. "
                + "alloc: the bytes the server JVM allocated during the measured seconds, per request, estimated from "
                + "JFR's allocation samples (sum of jdk.ObjectAllocationSample weights). GCs: collections inside the measured "
                + "seconds of all rounds, and their mean total pause (JFR jdk.GarbageCollection). Cognito calls: JWKS "
                + "fetches + API calls the module made during the measured seconds of all rounds, counted by a "
                + "proxy in front of the emulator (module rows only).\n").toString();
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

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> ", " + Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB")
                    .findFirst().orElse("");
        } catch (IOException e) {
            // keep what is known
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory;
    }
}
