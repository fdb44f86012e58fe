package dev.cognitoee.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the {@code wrk} load generator over loopback, and what it printed: requests per second, the median and
 * 99th percentile latency ({@code --latency}), and the answers that were not 2xx/3xx (a row with any is refused,
 * so that 401s are never counted as throughput). A request times out after {@link #TIMEOUT} (wrk's 2 s default
 * dropped the slowest requests of a cold JVM on a busy machine, which would hide them from the p99); a measured run
 * with a timeout is refused, a warm-up is not.
 */
final class Wrk {

    static final int THREADS = 2;
    static final int CONNECTIONS = 32;
    static final String TIMEOUT = "10s";

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** What one run measured; latencies in microseconds. */
    record Result(double requestsPerSecond, long requests, double p50Micros, double p99Micros) {
    }

    private Wrk() {
    }

    /**
     * Loads {@code url} for {@code seconds} with {@code headers}, or with {@code script} (a wrk Lua script, which
     * then sets the headers) and {@code environment} for it.
     */
    static Result run(String url, int seconds, Map<String, String> headers, Path script,
                      Map<String, String> environment, boolean measured) {
        return run(url, seconds, CONNECTIONS, headers, script, environment, measured);
    }

    /** As {@link #run(String, int, Map, Path, Map, boolean)} with {@code connections} connections. */
    static Result run(String url, int seconds, int connections, Map<String, String> headers, Path script,
                      Map<String, String> environment, boolean measured) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections,
                "-d" + seconds + "s", "--timeout", TIMEOUT, "--latency"));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish within " + (seconds + 60) + " s: " + url);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed (" + process.exitValue() + "):\n" + output);
            }
            return parse(output, url, measured);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run wrk (is it installed? bench/e2e.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads wrk's output; {@code measured}: socket errors other than read errors make it throw. */
    static Result parse(String output, String url, boolean measured) {
        Matcher failed = NON_2XX.matcher(output);
        if (failed.find()) {
            throw new IllegalStateException(failed.group(1) + " answers were not 2xx/3xx for " + url + ":\n" + output);
        }
        Matcher errors = SOCKET_ERRORS.matcher(output);
        if (measured && errors.find()) {
            // read errors are connections the server closed at the end of the run; any other kind is a failure
            if (!errors.group(1).equals("0") || !errors.group(3).equals("0") || !errors.group(4).equals("0")) {
                throw new IllegalStateException("wrk saw socket errors for " + url + ":\n" + output);
            }
        }
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("Unexpected wrk output for " + url + ":\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double micros = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 1;
                case "ms" -> 1_000;
                default -> 1_000_000;
            };
            if (percentile.group(1).equals("50")) {
                p50 = micros;
            } else {
                p99 = micros;
            }
        }
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), p50, p99);
    }
}
