package dev.cognitoee.internal.token;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** A Caffeine expiry at an instant each value carries (a token's {@code exp}, say), measured on the given clock. */
final class ExpiresAt {

    private ExpiresAt() {
    }

    /** Each entry expires at {@code deadline} of its value, set when it is written; reads change nothing. */
    static <K, V> Expiry<K, V> of(Function<V, Instant> deadline, Clock clock) {
        return Expiry.writing((key, value) -> {
            Duration left = Duration.between(clock.instant(), deadline.apply(value));
            return left.isNegative() ? Duration.ZERO : left; // Caffeine saturates the far future itself
        });
    }
}
