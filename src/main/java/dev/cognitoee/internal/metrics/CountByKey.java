package dev.cognitoee.internal.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per key (an enum constant such as an {@code AuthError}, or an operation's name): one {@link LongAdder}
 * each, made on first use. The keys are a closed set (enum constants, the module's own operation names), so the
 * map stays small whatever the traffic.
 */
public final class CountByKey {

    private final ConcurrentHashMap<Object, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(Object key) {
        LongAdder adder = counts.get(key);
        if (adder == null) {
            adder = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /** The count of {@code key}, 0 when it never happened. */
    public long value(Object key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
