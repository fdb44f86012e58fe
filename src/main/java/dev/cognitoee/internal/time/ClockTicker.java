package dev.cognitoee.internal.time;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A Caffeine {@link Ticker} read from the module's clock, so that a cache's own expiry runs on the same time as
 * the expiry instants the module computes (a token's {@code exp}, credentials' {@code Expiration}), and a test
 * that moves the clock moves the caches with it. Millisecond resolution is plenty for lifetimes of seconds to hours.
 */
public final class ClockTicker implements Ticker {

    private final Clock clock;

    private ClockTicker(Clock clock) {
        this.clock = clock;
    }

    /** A ticker reading {@code clock}. */
    public static Ticker of(Clock clock) {
        return new ClockTicker(clock);
    }

    @Override
    public long read() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
