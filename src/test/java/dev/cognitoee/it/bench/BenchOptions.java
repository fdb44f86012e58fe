package dev.cognitoee.it.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark's options ({@code --name=value}), with the full mode's defaults or, with
 * {@code --quick}, the smoke check's: short warm-up, one round, a few seconds a cell.
 */
final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static BenchOptions parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("mode", quick ? "quick" : "full");
        options.put("rounds", quick ? "1" : "3");
        options.put("warmup", quick ? "21" : "200");
        options.put("rewarm", quick ? "2" : "10");
        options.put("duration", quick ? "4" : "20");
        options.put("tokens", quick ? "300" : "2000");
        options.put("cache-size", "16");
        options.put("sign-in", quick ? "5" : "280");
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
