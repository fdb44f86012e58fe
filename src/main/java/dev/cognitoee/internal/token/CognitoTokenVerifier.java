package dev.cognitoee.internal.token;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.TokenUse;
import dev.cognitoee.internal.config.TrustedIssuer;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.token.VerifiedTokenCache.TokenDigest;
import jakarta.json.JsonObject;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the JWTs of one trusted issuer (a Cognito user pool, or another OIDC issuer): RS256 signature by a key
 * of the issuer's JWKS, then the claim rules of {@link CognitoClaimRules}. Thread-safe; one instance per issuer,
 * each with its own keys and verified-token cache. {@link BearerTokenVerifier} picks the one a token names.
 *
 * <p>The order is chosen for cost and safety: the cheap format checks first, then the verified-token cache, then
 * the signature, and only then is the payload decoded, so that nothing an attacker wrote is parsed as JSON before
 * its signature is known to be the pool's. (A bearer token is the exception: {@link BearerTokenVerifier} parses the
 * payload of a token no cache knows, once, to find the issuer it names, and hands it over parsed.) Headers that led to a good signature are remembered (a pool has one
 * header per signing key), which saves a JSON parse per new token.
 *
 * <p>The revocation check ({@code cognito.revocation-check}) runs last, on the cache's hit path as well as after a
 * full verification, so that a token revoked after it was cached is refused all the same.
 */
public final class CognitoTokenVerifier {

    /** Longer than any token Cognito issues; anything longer is refused before any work is done on it. */
    static final int MAX_TOKEN_LENGTH = 32 * 1024;
    private static final int MAX_REMEMBERED_HEADERS = 16;

    private final String issuerName;
    private final SigningKeys signingKeys;
    private final CognitoClaimRules claimRules;
    private final Map<TokenUse, CognitoClaimRules> signInRules = new EnumMap<>(TokenUse.class);
    private final VerifiedTokenCache cache; // null when turned off
    private final TokenRevocations revocations;
    private final UserPoolRevocationCheck poolCheck; // null unless revocation-check=cognito
    private final Map<String, JWSHeader> verifiedHeaders = new ConcurrentHashMap<>();

    CognitoTokenVerifier(CognitoConfig config, SigningKeys signingKeys, Clock clock) {
        this(config, signingKeys, clock, TokenRevocations.off(), null);
    }

    /**
     * @param revocations the local revocation check ({@link TokenRevocations#off()} when off)
     * @param pool        asks the user pool about new access tokens; null unless {@code revocation-check=cognito}
     */
    CognitoTokenVerifier(CognitoConfig config, SigningKeys signingKeys, Clock clock, TokenRevocations revocations,
                         UserPoolTokenCheck pool) {
        this(config.defaultIssuer(), config, signingKeys, clock, revocations, pool);
    }

    /**
     * @param trusted the issuer whose tokens this verifier accepts
     * @param config  the module's settings: clock skew, cache size, timeouts
     */
    CognitoTokenVerifier(TrustedIssuer trusted, CognitoConfig config, SigningKeys signingKeys, Clock clock,
                         TokenRevocations revocations, UserPoolTokenCheck pool) {
        this.issuerName = trusted.name();
        this.signingKeys = signingKeys;
        this.claimRules = new CognitoClaimRules(trusted, config.clockSkew(), clock);
        if (trusted.kind() == TrustedIssuer.Kind.COGNITO_POOL) {
            for (TokenUse use : TokenUse.values()) {
                signInRules.put(use, use == trusted.tokenUse() ? claimRules
                        : CognitoClaimRules.forUse(trusted, use, config.clockSkew(), clock));
            }
        }
        this.cache = config.tokenCacheSize() > 0 ? new VerifiedTokenCache(config.tokenCacheSize(), clock) : null;
        this.revocations = revocations;
        // A waiter for another request's question to Cognito waits as long as one call may take.
        this.poolCheck = pool == null ? null : new UserPoolRevocationCheck(pool, revocations,
                config.revocationCacheTime(), config.connectTimeout().plus(config.readTimeout()), clock);
    }

    /**
     * A verifier for the pool of {@code config}, fetching its keys from {@code config.jwksUri()}.
     *
     * @param clock       the module's clock, for every expiry (claims, caches, the keys' refetch)
     * @param revocations the local revocation check ({@link TokenRevocations#off()} when off)
     * @param pool        asks the user pool about new access tokens; null unless {@code revocation-check=cognito}
     */
    public static CognitoTokenVerifier forPool(CognitoConfig config, Clock clock, TokenRevocations revocations,
                                               UserPoolTokenCheck pool) {
        return forIssuer(config.defaultIssuer(), config, clock, revocations, pool);
    }

    /**
     * A verifier for {@code trusted}, fetching its keys from {@code trusted.jwksUri()} with the module's timeouts.
     *
     * @param config      the module's settings: clock skew, cache size, timeouts
     * @param clock       the module's clock, for every expiry (claims, caches, the keys' refetch)
     * @param revocations the local revocation check ({@link TokenRevocations#off()} when off)
     * @param pool        asks the user pool about new access tokens; null unless {@code revocation-check=cognito}
     */
    public static CognitoTokenVerifier forIssuer(TrustedIssuer trusted, CognitoConfig config, Clock clock,
                                                 TokenRevocations revocations, UserPoolTokenCheck pool) {
        return new CognitoTokenVerifier(trusted, config, SigningKeys.fromJwksUri(trusted.jwksUri(),
                config.connectTimeout(), config.readTimeout(), clock), clock, revocations, pool);
    }

    /**
     * Verifies {@code token} (a compact JWT, as sent after {@code Bearer }).
     *
     * @throws TokenRejectedException          the token is not a valid token of this pool for this application
     * @throws SigningKeysUnavailableException the pool's keys cannot be fetched, or (a
     *                                         {@link RevocationCheckUnavailableException}) Cognito cannot be asked
     *                                         about it: the token cannot be judged
     */
    public VerifiedToken verify(String token) throws TokenRejectedException, SigningKeysUnavailableException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(TokenRejection.EMPTY);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(TokenRejection.TOO_LONG);
        }
        TokenDigest digest = cache == null ? null : VerifiedTokenCache.digest(token);
        VerifiedToken cached = cached(token, digest);
        if (cached != null) {
            return cached;
        }
        if (digest != null) {
            Metrics.TOKEN_CACHE_MISSES.increment();
        }
        return verifyNew(token, digest);
    }

    /**
     * {@code token} as the verified-token cache remembers it (revocation checked again), or null when it is not
     * there, when the key that verified it is no longer published, or when there is no cache. A token is only ever cached by the verifier of its own issuer, so a hit also
     * tells which issuer it belongs to.
     *
     * @param digest the token's {@link VerifiedTokenCache#digest(String)}; may be null when there is no cache
     */
    VerifiedToken cached(String token, TokenDigest digest)
            throws TokenRejectedException, RevocationCheckUnavailableException {
        VerifiedTokenCache.Entry entry = cache == null ? null : cache.get(digest);
        if (entry == null) {
            return null;
        }
        if (!signingKeys.stillPublished(entry.keyId(), entry.key())) {
            cache.remove(digest); // verified with a key since withdrawn: judged again, as a new token
            return null;
        }
        Metrics.TOKEN_CACHE_HITS.increment();
        return notRevoked(new VerifiedToken(token, entry.claims(), issuerName), digest);
    }

    /**
     * Verifies a token of bounded length that {@link #cached} did not know, and caches it when it passes.
     *
     * @param digest the token's {@link VerifiedTokenCache#digest(String)}; may be null when there is no cache
     */
    VerifiedToken verifyNew(String token, TokenDigest digest)
            throws TokenRejectedException, SigningKeysUnavailableException {
        CompactJws jws = CompactJws.split(token);
        SigningKey key = verifySignature(jws);
        return accepted(token, claimRules.check(jws.payloadJson()), key, digest);
    }

    /**
     * The same, for a token already split and whose payload was already parsed (by {@link BearerTokenVerifier}, to
     * read the issuer it names): nothing is split or parsed twice.
     */
    VerifiedToken verifyNew(String token, CompactJws jws, JsonObject payload, TokenDigest digest)
            throws TokenRejectedException, SigningKeysUnavailableException {
        SigningKey key = verifySignature(jws);
        return accepted(token, claimRules.check(payload), key, digest);
    }

    private VerifiedToken accepted(String token, VerifiedClaims claims, SigningKey key, TokenDigest digest)
            throws TokenRejectedException, RevocationCheckUnavailableException {
        if (cache != null) {
            cache.put(digest, new VerifiedTokenCache.Entry(claims, key.keyId(), key.key()));
        }
        return notRevoked(new VerifiedToken(token, claims, issuerName), digest);
    }

    /**
     * Verifies a token just received at a sign-in (the hosted UI's code exchange, which returns both an id and an
     * access token), as a token of {@code use} whatever {@code cognito.token-use} says: the same signature and claim
     * rules as a bearer token of that use, without the cache or the revocation check (the token is brand new).
     *
     * @throws TokenRejectedException          the token is not a valid token of this pool for this application
     * @throws SigningKeysUnavailableException the pool's keys cannot be fetched
     */
    public VerifiedToken verifySignIn(String token, TokenUse use)
            throws TokenRejectedException, SigningKeysUnavailableException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(TokenRejection.EMPTY);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(TokenRejection.TOO_LONG);
        }
        CompactJws jws = CompactJws.split(token);
        verifySignature(jws);
        return new VerifiedToken(token, signInRules.get(use).check(jws.payloadJson()), issuerName);
    }

    /** {@code token}, unless the revocation check refuses it: the local list first, then Cognito if asked for. */
    private VerifiedToken notRevoked(VerifiedToken token, TokenDigest digest)
            throws TokenRejectedException, RevocationCheckUnavailableException {
        revocations.refuseIfRevoked(token.claims());
        if (poolCheck != null) {
            poolCheck.check(token, digest);
        }
        return token;
    }

    /**
     * The state of this issuer's signing keys, for the readiness check: fetches them when there are none yet
     * (bounded, one fetch at a time, after the last failure's memory).
     */
    public KeysState keysState() {
        return signingKeys.state();
    }

    /** The name of the issuer this verifier serves ({@code default} for the default pool). */
    String issuerName() {
        return issuerName;
    }

    /** The verified-token cache, null when turned off (for tests). */
    VerifiedTokenCache cache() {
        return cache;
    }

    /** The "ask Cognito" check, null unless {@code revocation-check=cognito} (for tests). */
    UserPoolRevocationCheck poolCheck() {
        return poolCheck;
    }

    /** Checks the signature of {@code jws}; returns the key that verified it. */
    private SigningKey verifySignature(CompactJws jws) throws TokenRejectedException, SigningKeysUnavailableException {
        String headerSegment = jws.header();
        JWSHeader header = verifiedHeaders.get(headerSegment);
        boolean known = header != null;
        if (!known) {
            header = rs256Header(headerSegment);
        }
        RSAPublicKey key = signingKeys.keyFor(header.getKeyID())
                .orElseThrow(() -> new TokenRejectedException(TokenRejection.UNKNOWN_KEY_ID));
        if (!rs256Verifies(key, jws)) {
            throw new TokenRejectedException(TokenRejection.BAD_SIGNATURE);
        }
        if (!known && verifiedHeaders.size() < MAX_REMEMBERED_HEADERS) {
            verifiedHeaders.putIfAbsent(headerSegment, header);
        }
        return new SigningKey(header.getKeyID(), key);
    }

    /** The key, and its {@code kid}, that verified a token's signature. */
    private record SigningKey(String keyId, RSAPublicKey key) {
    }

    /**
     * The RS256 check itself, with the JDK's {@link Signature} (which Nimbus's RSASSAVerifier also uses): called
     * directly so that the signing input is not copied and the signature is decoded by the JDK's base64 decoder
     * (0.4 µs here, against 4.6 µs for Nimbus's Base64URL; see docs/BENCHMARKS.md).
     */
    static boolean rs256Verifies(RSAPublicKey key, CompactJws jws) throws TokenRejectedException {
        byte[] signature = jws.signature();
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update(jws.bytes(), 0, jws.signingInputLength());
            return rs256.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false; // e.g. a signature of the wrong length
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    private static JWSHeader rs256Header(String segment) throws TokenRejectedException {
        Header header;
        try {
            header = Header.parse(new Base64URL(segment));
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException(TokenRejection.MALFORMED);
        }
        // Only RS256: no "none", no HMAC keyed with the public key, no other algorithm a key might allow.
        if (!(header instanceof JWSHeader jwsHeader) || !JWSAlgorithm.RS256.equals(jwsHeader.getAlgorithm())) {
            throw new TokenRejectedException(TokenRejection.ALGORITHM_NOT_ACCEPTED);
        }
        if (jwsHeader.getKeyID() == null) {
            throw new TokenRejectedException(TokenRejection.NO_KEY_ID);
        }
        // RFC 7515 4.1.11: a "crit" parameter the verifier does not understand makes the token invalid. Cognito
        // never sets one, and this verifier understands none.
        if (jwsHeader.getCriticalParams() != null && !jwsHeader.getCriticalParams().isEmpty()) {
            throw new TokenRejectedException(TokenRejection.CRITICAL_HEADER);
        }
        return jwsHeader;
    }
}
