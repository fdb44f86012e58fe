package dev.cognitoee.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The RS256 public keys of one user pool, by key id, from its JWKS.
 *
 * <p>Fetching, caching and outage tolerance are Nimbus's ({@link JWKSourceBuilder}): the set is cached for
 * {@link #CACHE_TIME_TO_LIVE} and, when the endpoint fails, the last set stays in service. What Nimbus does not
 * do the way the module promises is the unknown-kid rule: Nimbus's rate limiter allows two fetches per interval,
 * we allow at most one refetch for an unknown {@code kid} per {@link #UNKNOWN_KID_REFETCH_INTERVAL}, so that a
 * flood of tokens with made-up key ids cannot hammer the endpoint.
 */
final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(15);
    static final Duration UNKNOWN_KID_REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final int JWKS_SIZE_LIMIT_BYTES = 64 * 1024;

    private final JWKSetSource<SecurityContext> source;
    private final Clock clock;

    /** The keys of the set Nimbus last returned; rebuilt only when that set changes. */
    private volatile Snapshot snapshot = new Snapshot(null, Map.of());
    private long nextUnknownKidRefetch = Long.MIN_VALUE;

    SigningKeys(JWKSetSource<SecurityContext> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The keys published at {@code jwksUri}, fetched with the given timeouts. */
    static SigningKeys fromJwksUri(URI jwksUri, Duration connectTimeout, Duration readTimeout, Clock clock) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                (int) connectTimeout.toMillis(), (int) readTimeout.toMillis(), JWKS_SIZE_LIMIT_BYTES);
        try {
            // A thread waiting for another one's fetch gives up after the time that fetch may take.
            long refreshTimeout = connectTimeout.plus(readTimeout).plusSeconds(1).toMillis();
            var jwkSource = (JWKSetBasedJWKSource<SecurityContext>) JWKSourceBuilder
                    .<SecurityContext>create(jwksUri.toURL(), retriever)
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), refreshTimeout)
                    .refreshAheadCache(false) // would start unmanaged threads inside the application server
                    .rateLimited(false)       // the unknown-kid rule is ours, see the class comment
                    .retrying(false)
                    .outageTolerantForever()
                    .build();
            return new SigningKeys(jwkSource.getJWKSetSource(), clock);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwksUri, e);
        }
    }

    /**
     * The public key {@code kid}.
     *
     * @return empty when the pool does not publish that key (after at most one refetch per interval)
     * @throws SigningKeysUnavailableException when no key set could be obtained at all
     */
    Optional<RSAPublicKey> keyFor(String kid) throws SigningKeysUnavailableException {
        long now = clock.millis();
        Snapshot current = current(JWKSetCacheRefreshEvaluator.noRefresh(), now);
        RSAPublicKey key = current.keys.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        return Optional.ofNullable(refetchForUnknownKid(current, now).keys.get(kid));
    }

    // Synchronized so that concurrent requests with the same new kid wait for one refetch and then all see it.
    private synchronized Snapshot refetchForUnknownKid(Snapshot seen, long now) throws SigningKeysUnavailableException {
        if (snapshot != seen) {
            return snapshot; // another thread refetched meanwhile
        }
        if (now < nextUnknownKidRefetch) {
            return seen;
        }
        nextUnknownKidRefetch = now + UNKNOWN_KID_REFETCH_INTERVAL.toMillis();
        LOG.fine("Refetching the JWKS for an unknown key id");
        return current(JWKSetCacheRefreshEvaluator.referenceComparison(seen.set), now);
    }

    private Snapshot current(JWKSetCacheRefreshEvaluator evaluator, long now) throws SigningKeysUnavailableException {
        JWKSet set;
        try {
            set = source.getJWKSet(evaluator, now, null);
        } catch (KeySourceException e) {
            throw new SigningKeysUnavailableException("The user pool's signing keys cannot be fetched: "
                    + e.getMessage(), e);
        }
        Snapshot current = snapshot;
        if (current.set != set) {
            current = new Snapshot(set, keys(set));
            snapshot = current;
        }
        return current;
    }

    private static Map<String, RSAPublicKey> keys(JWKSet set) {
        Map<String, RSAPublicKey> keys = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (usableForRs256(jwk)) {
                try {
                    keys.put(jwk.getKeyID(), ((RSAKey) jwk).toRSAPublicKey());
                } catch (JOSEException e) {
                    LOG.warning("Ignoring JWKS key '" + jwk.getKeyID() + "': " + e.getMessage());
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

    private record Snapshot(JWKSet set, Map<String, RSAPublicKey> keys) {
    }
}
