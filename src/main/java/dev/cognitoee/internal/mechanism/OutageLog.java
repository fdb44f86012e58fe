package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.log.LogMessage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of requests answered 503 because Cognito or its keys cannot be reached. During an outage that is every
 * request: one WARNING per {@link #INTERVAL_NANOS} tells the operator, the rest go to FINE, so that an outage does
 * not also flood the server's log.
 */
final class OutageLog {

    static final long INTERVAL_NANOS = 10_000_000_000L;

    private final Logger log;
    private final LongSupplier nanoTime;
    private final AtomicLong nextWarning;

    OutageLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.nextWarning = new AtomicLong(nanoTime.getAsLong());
    }

    /** Logs {@code message} (a {@code java.util.logging} pattern with one parameter). */
    void answered503(String message, Object parameter) {
        long now = nanoTime.getAsLong();
        long next = nextWarning.get();
        if (now - next >= 0 && nextWarning.compareAndSet(next, now + INTERVAL_NANOS)) {
            LogMessage.ANSWERING_503.log(log, message + " (further ones in the next 10 s are logged at FINE)",
                    parameter);
        } else {
            LogMessage.ANSWERING_503.log(log, Level.FINE, message, parameter);
        }
    }
}
