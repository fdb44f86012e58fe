package dev.cognitoee.internal.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.time.ClockTicker;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Credentials per caller key, fetched once for all concurrent requests of that caller (per node).
 *
 * <p>Why not {@code Cache.get(key, loader)}: Caffeine runs the loader inside its compute lock, so a slow identity
 * pool would block {@code invalidate} (sign-out) and every key of the same hash bin. Here the cache holds finished
 * values only, and a fetch in progress is a per-key {@link CompletableFuture} in a plain map: the first request of a
 * caller runs the fetch in its own thread, outside any lock; the others wait for that future, at most
 * {@code waitBound}, then get {@code SERVICE_UNAVAILABLE}. The future is completed on every path, errors included.
 * A key forgotten while its fetch runs (sign-out) is not filled by that fetch.
 *
 * <p>On a cluster, a miss here asks {@link SharedCredentials} (the grid) before the provider, so that one fetch
 * serves every node; a hit here never touches the grid.
 */
final class CredentialsCache {

    private static final Logger LOG = Logger.getLogger(CredentialsCache.class.getName());

    private final Clock clock;
    private final Cache<String, CredentialsAndIdentityId> fresh;
    private final Map<String, CompletableFuture<CredentialsAndIdentityId>> inFlight = new ConcurrentHashMap<>();
    private final SharedCredentials shared; // null: per node

    CredentialsCache(Clock clock, long maximumSize) {
        this(clock, maximumSize, null);
    }

    /** With {@code shared} behind this node's cache (null: per node). */
    CredentialsCache(Clock clock, long maximumSize, SharedCredentials shared) {
        this.clock = clock;
        this.shared = shared;
        this.fresh = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new UntilShortlyBeforeExpiration(clock))
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
    }

    /**
     * The credentials of {@code key}: the cached ones while fresh (unless {@code forceRefresh}), else those of
     * {@code fetch}, called once for all concurrent callers of this key.
     *
     * @param provider  the provider {@code fetch} asks, named in errors about what it returned
     * @param waitBound how long a request waits for another request's fetch of the same key
     * @throws CognitoAuthException the fetch's error; {@code SERVICE_UNAVAILABLE} past {@code waitBound};
     *                              {@code UNEXPECTED} for unusable credentials or a provider's own exception
     */
    CredentialsAndIdentityId get(String key, boolean forceRefresh, Duration waitBound, Object provider,
                                 Supplier<CredentialsAndIdentityId> fetch) {
        if (!forceRefresh) {
            CredentialsAndIdentityId cached = fresh.getIfPresent(key);
            if (cached != null) {
                Metrics.CREDENTIALS_CACHE_HITS.increment();
                return cached;
            }
        }
        CompletableFuture<CredentialsAndIdentityId> mine = new CompletableFuture<>();
        CompletableFuture<CredentialsAndIdentityId> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            // a fetch that started now is as fresh as a forced one
            return await(running, shared == null ? waitBound : shared.waitBound());
        }
        try {
            CredentialsAndIdentityId cached = forceRefresh ? null : fresh.getIfPresent(key);
            Supplier<CredentialsAndIdentityId> checked =
                    () -> {
                        Metrics.CREDENTIALS_FETCHES.increment();
                        return CredentialsLifetime.checked(fetch.get(), clock.instant(), provider);
                    };
            CredentialsAndIdentityId result = cached != null ? cached
                    : shared != null ? shared.get(key, forceRefresh, checked) : checked.get();
            publish(key, mine, result);
            mine.complete(result);
            return result;
        } catch (CognitoAuthException e) {
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            CognitoAuthException failure = providerFailure(e, provider);
            mine.completeExceptionally(failure);
            throw failure;
        } catch (Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine); // after a failure; after a success publish() has removed it already
        }
    }

    /**
     * Forgets the credentials of {@code key}, on the whole cluster when there is one, and lets no fetch of it still
     * running on this node fill the cache.
     */
    void forget(String key) {
        inFlight.compute(key, (k, running) -> {
            fresh.invalidate(k);
            return null;
        });
        if (shared != null) {
            shared.forget(key); // a remote call: outside the map's lock
        }
    }

    /** Caches the result unless the key was forgotten meanwhile; atomic with {@link #forget}. */
    private void publish(String key, CompletableFuture<CredentialsAndIdentityId> mine,
                         CredentialsAndIdentityId result) {
        inFlight.computeIfPresent(key, (k, running) -> {
            if (running != mine) {
                return running;
            }
            fresh.put(k, result); // a local write, no remote call, under the map's bin lock
            return null;
        });
    }

    private static CredentialsAndIdentityId await(CompletableFuture<CredentialsAndIdentityId> running,
                                                  Duration waitBound) {
        try {
            return running.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null, "The caller's AWS credentials are"
                    + " still being fetched after " + waitBound.toSeconds() + " s; try again shortly", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                    "Interrupted while waiting for the caller's AWS credentials", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CognitoAuthException cognito) {
                // A copy, so that this request's stack trace is its own; same error, same words.
                throw new CognitoAuthException(cognito.error(), cognito.cognitoErrorCode(), cognito.getMessage(),
                        cognito);
            }
            throw new CognitoAuthException(AuthError.UNEXPECTED, null,
                    "Fetching the caller's AWS credentials failed", e.getCause());
        }
    }

    private static CognitoAuthException providerFailure(RuntimeException e, Object provider) {
        String name = provider == null ? "?" : provider.getClass().getName().replaceAll("\\$.*", "");
        // Only the type at WARNING: the message of an application's exception may carry anything.
        LogMessage.CREDENTIALS_PROVIDER_FAILED.log(LOG, "The credentials provider {0} failed with {1}", name,
                e.getClass().getName());
        LOG.log(Level.FINE, "The credentials provider failed", e);
        return new CognitoAuthException(AuthError.UNEXPECTED, null,
                "The credentials provider failed (" + e.getClass().getSimpleName() + ")", e);
    }

    /** Fresh for {@link CredentialsLifetime#freshFor}, measured on the injected clock. */
    private record UntilShortlyBeforeExpiration(Clock clock) implements Expiry<String, CredentialsAndIdentityId> {
        @Override
        public long expireAfterCreate(String key, CredentialsAndIdentityId value, long currentTime) {
            return CredentialsLifetime.freshFor(value, clock.instant()).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, CredentialsAndIdentityId value, long currentTime,
                                      long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CredentialsAndIdentityId value, long currentTime,
                                    long currentDuration) {
            return currentDuration;
        }
    }
}
