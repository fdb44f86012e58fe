package dev.cognitoee.internal.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.internal.time.ClockTicker;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which caller keys this node served credentials for on behalf of each HTTP session, by session id. It lets
 * {@link CallerCredentials#forgetSession} find them even when the session has been invalidated already (its
 * attributes then cannot be read, its id still can) or when the session's callers changed during its life (a
 * federated login added, a guest who signed in). Kept as long as anything it points to can still be cached.
 */
final class SessionHoldings {

    private final Cache<String, Set<String>> keysBySession;

    SessionHoldings(long maximumSize, Duration keptFor, Clock clock) {
        keysBySession = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(keptFor)
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
    }

    /** Notes that credentials of {@code cacheKey} were served for the session {@code sessionId}. */
    void record(String sessionId, String cacheKey) {
        keysBySession.get(sessionId, id -> ConcurrentHashMap.newKeySet()).add(cacheKey);
    }

    /** The keys served for {@code sessionId}, forgotten from here. */
    Set<String> take(String sessionId) {
        Set<String> keys = keysBySession.asMap().remove(sessionId);
        return keys == null ? Set.of() : Set.copyOf(keys);
    }
}
