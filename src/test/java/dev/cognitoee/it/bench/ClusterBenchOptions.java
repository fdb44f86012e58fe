package dev.cognitoee.it.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster benchmark's options ({@code --name=value}), with the full mode's defaults or, with {@code --quick},
 * the smoke check's: a few seconds of warm-up, one round, a few seconds a cell.
 */
final class ClusterBenchOptions {

    private final Map<String, String> values;

    private ClusterBenchOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static ClusterBenchOptions parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", quick ? "quick" : "full");
        options.put("rounds", quick ? "1" : "3");
        options.put("warmup", quick ? "5" : "120"); // seconds per node of a set-up
        options.put("rewarm", quick ? "2" : "10");
        options.put("duration", quick ? "4" : "20");
        options.put("sessions", quick ? "8" : "32");
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
        return new ClusterBenchOptions(options);
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
