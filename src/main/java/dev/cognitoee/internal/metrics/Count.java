package dev.cognitoee.internal.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A count that only grows. Incrementing it is all the request path ever does for metrics (a {@link LongAdder}:
 * no lock, no contention between threads); MicroProfile Metrics or JMX read {@link #value()} when asked.
 */
public final class Count {

    private final LongAdder adder = new LongAdder();

    public void increment() {
        adder.increment();
    }

    public long value() {
        return adder.sum();
    }
}
