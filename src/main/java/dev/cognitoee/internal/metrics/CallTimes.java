package dev.cognitoee.internal.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls to a remote service per operation: how many, how many failed, and their total duration (so that a
 * monitoring system derives the mean over any window: the rate of the total time over the rate of calls).
 */
public final class CallTimes {

    private final ConcurrentHashMap<String, Stats> byOperation = new ConcurrentHashMap<>();

    /** Records one call of {@code operation} that took {@code nanos}. */
    public void record(String operation, long nanos, boolean failed) {
        Stats stats = byOperation.get(operation);
        if (stats == null) {
            stats = byOperation.computeIfAbsent(operation, k -> new Stats());
        }
        stats.calls.increment();
        stats.nanos.add(nanos);
        if (failed) {
            stats.failures.increment();
        }
    }

    public long calls(String operation) {
        Stats stats = byOperation.get(operation);
        return stats == null ? 0 : stats.calls.sum();
    }

    public long failures(String operation) {
        Stats stats = byOperation.get(operation);
        return stats == null ? 0 : stats.failures.sum();
    }

    /** The total time spent in {@code operation}, in seconds. */
    public double seconds(String operation) {
        Stats stats = byOperation.get(operation);
        return stats == null ? 0 : stats.nanos.sum() / 1e9;
    }

    private static final class Stats {
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}
