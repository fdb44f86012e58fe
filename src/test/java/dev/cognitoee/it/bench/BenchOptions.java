package dev.cognitoee.it.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A benchmark's options ({@code --name=value}), with the full mode's defaults or, with {@code --quick}, the smoke
 * check's: short warm-up, one round, a few seconds a cell. Each benchmark names its own options and their defaults;
 * only those are accepted.
 */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The end-to-end benchmark's options ({@link E2eBenchmark}). */
    static BenchOptions parse(String[] args) {
        return parse(args, quick -> {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("rounds", quick ? "1" : "3");
            defaults.put("warmup", quick ? "21" : "200");
            defaults.put("rewarm", quick ? "2" : "10");
            defaults.put("duration", quick ? "4" : "20");
            defaults.put("tokens", quick ? "300" : "2000");
            defaults.put("cache-size", "16");
            defaults.put("sign-in", quick ? "5" : "280");
            return defaults;
        });
    }

    /** The cluster benchmark's options ({@link ClusterBenchmark}). */
    static BenchOptions parseCluster(String[] args) {
        return parse(args, quick -> {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("rounds", quick ? "1" : "3");
            defaults.put("warmup", quick ? "5" : "120"); // seconds per node of a set-up
            defaults.put("rewarm", quick ? "2" : "10");
            defaults.put("duration", quick ? "4" : "20");
            defaults.put("sessions", quick ? "8" : "32");
            return defaults;
        });
    }

    /** {@code args} over the defaults for the mode they ask for ({@code --quick} or full). */
    static BenchOptions parse(String[] args, Function<Boolean, Map<String, String>> defaultsForQuick) {
        boolean quick = List.of(args).contains("--quick");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", quick ? "quick" : "full");
        options.putAll(defaultsForQuick.apply(quick));
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(2, arg.indexOf('='));
                if (!options.containsKey(name) || name.equals("mode")) {
                    throw new IllegalArgumentException("Unknown option " + arg + "; known: " + options.keySet());
                }
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.equals("--quick") && !arg.isBlank()) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        return new BenchOptions(options);
    }

    String get(String name) {
        return values.get(name);
    }

    int number(String name) {
        return Integer.parseInt(values.get(name));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
