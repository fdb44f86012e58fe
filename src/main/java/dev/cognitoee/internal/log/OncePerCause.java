package dev.cognitoee.internal.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a misconfiguration once per cause: the first time at the message's level, with what to fix; repeats within
 * {@link #INTERVAL_NANOS} at FINE, so that every failed sign-in does not repeat the same advice. While the cause
 * lasts, the WARNING comes back once an hour, for operators who alert on it. One per deployment (never static).
 */
public final class OncePerCause {

    /** How long a cause stays quiet after its WARNING: one hour. */
    public static final long INTERVAL_NANOS = 3_600_000_000_000L;

    private final Logger log;
    private final LongSupplier nanoTime;
    private final Map<LogMessage, Long> nextWarning = new ConcurrentHashMap<>();

    /**
     * @param log      where the messages go
     * @param nanoTime elapsed time ({@code System::nanoTime}; tests pass their own)
     */
    public OncePerCause(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /**
     * Logs {@code message} with {@code pattern} and {@code parameters}: at its own level if this cause has not been
     * logged so in the last hour, else at FINE.
     *
     * @return whether it was logged at the message's own level
     */
    public boolean log(LogMessage message, String pattern, Object... parameters) {
        long now = nanoTime.getAsLong();
        boolean[] first = new boolean[1];
        nextWarning.compute(message, (cause, next) -> {
            if (next == null || now - next >= 0) {
                first[0] = true;
                return now + INTERVAL_NANOS;
            }
            return next;
        });
        if (first[0]) {
            message.log(log, pattern + " (repeats in the next hour are logged at FINE)", parameters);
        } else {
            message.log(log, Level.FINE, pattern, parameters);
        }
        return first[0];
    }
}
