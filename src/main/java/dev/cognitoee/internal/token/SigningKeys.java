package dev.cognitoee.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.metrics.Metrics;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The RS256 public keys of one user pool, by key id, from its JWKS.
 *
 * <p>Nimbus fetches and parses the set ({@link URLBasedJWKSetSource}, size-limited, with the configured
 * timeouts); when to fetch is decided here, because a request thread is the only thread there is (no unmanaged
 * threads inside the application server) and a fetch may hang for the whole connect and read timeout:
 * <ul>
 *   <li>At most one fetch is in flight. No thread ever waits for a fetch to serve a key it already has.</li>
 *   <li>Cold start (no set yet): one request fetches; the others wait for it {@link #COLD_START_WAIT} at most
 *       (a healthy endpoint answers well within it, so a first burst of requests is served), then fail with
 *       {@link SigningKeysUnavailableException} (503 with Retry-After) instead of each holding a thread for as long
 *       as a hanging endpoint would.</li>
 *   <li>The set is cached for {@link #CACHE_TIME_TO_LIVE}. Past that, one request refreshes it while the others
 *       go on with the old set; a set that cannot be refreshed stays in service for as long as the outage lasts.</li>
 *   <li>A failed fetch is remembered for {@link #FAILURE_MEMORY}: no fetch is tried before it is over.</li>
 *   <li>An unknown {@code kid} triggers at most one refetch per {@link #UNKNOWN_KID_REFETCH_INTERVAL}, so that a
 *       flood of tokens with made-up key ids cannot hammer the endpoint; requests that arrive with a new kid while
 *       a fetch is in flight wait for it (bounded), so that a key rotation is picked up by all of them.</li>
 * </ul>
 */
final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(15);
    static final Duration UNKNOWN_KID_REFETCH_INTERVAL = Duration.ofSeconds(10);
    /**
     * How long a failed fetch is remembered. Short enough that a node is back within seconds of the endpoint, and
     * shorter than the Retry-After (10 s) of the 503 it causes, so that a client that obeys it meets a fresh
     * attempt; long enough that an endpoint that hangs costs at most one thread per 5 s, not one per request.
     */
    static final Duration FAILURE_MEMORY = Duration.ofSeconds(5);
    /**
     * How long a request waits for another one's first fetch of the set: enough for a healthy endpoint (tens of
     * milliseconds), short enough that a hanging one holds no request for long.
     */
    static final Duration COLD_START_WAIT = Duration.ofMillis(500);
    /** The fetch bound for a source whose own timeouts are the defaults (5 s connect, 5 s read), and a margin. */
    private static final Duration DEFAULT_FETCH_BOUND = Duration.ofSeconds(11);
    private static final int JWKS_SIZE_LIMIT_BYTES = 64 * 1024;
    private static final String UNAVAILABLE = "The user pool's signing keys cannot be fetched: ";

    private final JWKSetSource<SecurityContext> source;
    private final Clock clock;
    /** The longest a fetch can take (connect + read timeout, and a margin): the bound of every wait for one. */
    private final Duration fetchBound;
    /** Held by the one thread that fetches. */
    private final ReentrantLock fetching = new ReentrantLock();

    /** The set last fetched, with its keys; {@link Snapshot#NONE} until the first fetch succeeds. */
    private volatile Snapshot snapshot = Snapshot.NONE;
    /** No fetch before this instant (epoch millis): the memory of the last failure. */
    private volatile long retryNotBefore = Long.MIN_VALUE;
    /** The class of the last fetch's failure (its root cause); null once a fetch succeeds. */
    private volatile String lastFailure;
    /** No refetch for an unknown kid before this instant (epoch millis). Guarded by {@link #fetching}. */
    private long nextUnknownKidRefetch = Long.MIN_VALUE;

    /**
     * Keys from {@code source}, which fetches on every call (it does no caching of its own).
     *
     * @param fetchBound the longest a fetch of {@code source} can take
     */
    SigningKeys(JWKSetSource<SecurityContext> source, Clock clock, Duration fetchBound) {
        this.source = source;
        this.clock = clock;
        this.fetchBound = fetchBound;
    }

    /** Keys from {@code source}, assumed to answer within the default timeouts (5 s connect, 5 s read). */
    SigningKeys(JWKSetSource<SecurityContext> source, Clock clock) {
        this(source, clock, DEFAULT_FETCH_BOUND);
    }

    /** The keys published at {@code jwksUri}, fetched with the given timeouts. */
    static SigningKeys fromJwksUri(URI jwksUri, Duration connectTimeout, Duration readTimeout, Clock clock) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) connectTimeout.toMillis(), (int) readTimeout.toMillis(), JWKS_SIZE_LIMIT_BYTES);
        try {
            return new SigningKeys(new URLBasedJWKSetSource<>(jwksUri.toURL(), retriever), clock,
                    connectTimeout.plus(readTimeout).plusSeconds(1));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwksUri, e);
        }
    }

    /**
     * The public key {@code kid}.
     *
     * @return empty when the pool does not publish that key (after at most one refetch per interval)
     * @throws SigningKeysUnavailableException when no key set has been obtained yet and none can be now
     */
    Optional<RSAPublicKey> keyFor(String kid) throws SigningKeysUnavailableException {
        long now = clock.millis();
        Snapshot current = snapshot;
        if (current == Snapshot.NONE) {
            current = firstFetch(now);
        } else if (now >= current.expiresAt) {
            current = refresh(current, now);
        }
        RSAPublicKey key = current.keys.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        return Optional.ofNullable(refetchForUnknownKid(current, now).keys.get(kid));
    }

    /**
     * Whether {@code key} is still the key the set in service publishes as {@code kid}: how a token verified earlier
     * is judged on a cache hit, so that a key withdrawn from the JWKS stops its tokens at the next fetch of the set.
     * Looks at the set in service only: never fetches, never waits.
     */
    boolean stillPublished(String kid, RSAPublicKey key) {
        return snapshot.keys.get(kid) == key;
    }

    /** The first set: fetched by one request, which the others wait for briefly. */
    private Snapshot firstFetch(long now) throws SigningKeysUnavailableException {
        if (now < retryNotBefore) {
            throw new SigningKeysUnavailableException(UNAVAILABLE + "the last attempt failed less than "
                    + FAILURE_MEMORY.toSeconds() + " s ago", null);
        }
        if (!lockWithin(COLD_START_WAIT.compareTo(fetchBound) < 0 ? COLD_START_WAIT : fetchBound)) {
            throw new SigningKeysUnavailableException(UNAVAILABLE + "another request is still fetching them", null);
        }
        try {
            Snapshot latest = snapshot;
            if (latest != Snapshot.NONE) {
                return latest; // fetched by the thread that held the lock just before
            }
            if (clock.millis() < retryNotBefore) {
                throw new SigningKeysUnavailableException(UNAVAILABLE + "the last attempt has just failed", null);
            }
            return fetchLocked();
        } finally {
            fetching.unlock();
        }
    }

    private boolean lockWithin(Duration wait) {
        try {
            return fetching.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A set past its lifetime: one request refreshes it, the others go on with it; kept when the refresh fails. */
    private Snapshot refresh(Snapshot stale, long now) {
        if (now < retryNotBefore || !fetching.tryLock()) {
            return snapshot;
        }
        try {
            Snapshot latest = snapshot;
            if (latest != stale || clock.millis() < retryNotBefore) {
                return latest;
            }
            return fetchLocked();
        } catch (SigningKeysUnavailableException e) {
            LogMessage.SIGNING_KEYS_STALE.log(LOG, "Keeping the cached signing keys in service: {0}", e.getMessage());
            return stale;
        } finally {
            fetching.unlock();
        }
    }

    /**
     * A kid the set does not have: refetch, at most once per interval. A request that finds a fetch in flight
     * waits for it (bounded), so that every request with a newly rotated kid sees the new set.
     */
    private Snapshot refetchForUnknownKid(Snapshot seen, long now) {
        if (now < retryNotBefore) {
            return snapshot;
        }
        if (!lockWithin(fetchBound)) {
            return snapshot;
        }
        try {
            Snapshot latest = snapshot;
            long at = clock.millis();
            if (latest != seen || at < nextUnknownKidRefetch || at < retryNotBefore) {
                return latest;
            }
            nextUnknownKidRefetch = at + UNKNOWN_KID_REFETCH_INTERVAL.toMillis();
            LOG.fine("Refetching the JWKS for an unknown key id");
            return fetchLocked();
        } catch (SigningKeysUnavailableException e) {
            LogMessage.SIGNING_KEYS_UNAVAILABLE.log(LOG, "Unknown key id, and the signing keys cannot be refetched: "
                    + "{0}", e.getMessage());
            return seen;
        } finally {
            fetching.unlock();
        }
    }

    /** Fetches the set; the caller holds {@link #fetching}. A failure is remembered before it is thrown. */
    private Snapshot fetchLocked() throws SigningKeysUnavailableException {
        JWKSet set;
        Metrics.JWKS_FETCHES.increment();
        long start = System.nanoTime();
        try {
            set = source.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), clock.millis(), null);
        } catch (KeySourceException | RuntimeException e) {
            Metrics.JWKS_FETCH_FAILURES.increment();
            Metrics.JWKS_FETCH_TIME.record(Metrics.JWKS_FETCH, System.nanoTime() - start, true);
            retryNotBefore = clock.millis() + FAILURE_MEMORY.toMillis();
            lastFailure = rootCause(e).getClass().getName();
            throw new SigningKeysUnavailableException(UNAVAILABLE + e.getMessage(), e);
        }
        Metrics.JWKS_FETCH_TIME.record(Metrics.JWKS_FETCH, System.nanoTime() - start, false);
        Snapshot fetched = new Snapshot(keys(set, snapshot.keys), clock.millis() + CACHE_TIME_TO_LIVE.toMillis());
        snapshot = fetched;
        lastFailure = null;
        return fetched;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The keys' state for a readiness check: whether a key set is in service, and the class of the last fetch's
     * failure (never its message, which may name hosts and addresses). With no set yet, one fetch is tried, as a
     * request would: bounded, never two at once, not before the last failure's memory is over, so that a
     * readiness endpoint polled every second adds no load on a failing endpoint.
     */
    KeysState state() {
        if (snapshot == Snapshot.NONE) {
            try {
                firstFetch(clock.millis());
            } catch (SigningKeysUnavailableException e) {
                String failure = lastFailure;
                return new KeysState(false, failure != null ? failure : "no key set yet");
            }
        }
        return new KeysState(true, lastFailure);
    }

    /**
     * The usable keys of {@code set}. A key the set in service already has under the same kid is kept as the same
     * object, so that {@link #stillPublished} is an identity check and a routine refetch invalidates no cached token.
     */
    private static Map<String, RSAPublicKey> keys(JWKSet set, Map<String, RSAPublicKey> inService) {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (usableForRs256(jwk)) {
                try {
                    RSAPublicKey key = ((RSAKey) jwk).toRSAPublicKey();
                    RSAPublicKey known = inService.get(jwk.getKeyID());
                    keys.put(jwk.getKeyID(), key.equals(known) ? known : key);
                } catch (JOSEException e) {
                    LogMessage.JWKS_KEY_IGNORED.log(LOG, "Ignoring JWKS key {0}: {1}", jwk.getKeyID(), e.getMessage());
                }
            }
        }
        return Map.copyOf(keys);
    }

    private static boolean usableForRs256(JWK jwk) {
        return jwk instanceof RSAKey
                && jwk.getKeyID() != null
                && (jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse()))
                && (jwk.getAlgorithm() == null || JWSAlgorithm.RS256.equals(jwk.getAlgorithm()));
    }

    /** One fetched set, reduced to its usable keys, and when it is due for a refresh. */
    private record Snapshot(Map<String, RSAPublicKey> keys, long expiresAt) {
        static final Snapshot NONE = new Snapshot(Map.of(), Long.MIN_VALUE);
    }
}
