package dev.cognitoee.token;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.token.VerifiedTokenCache.TokenDigest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies Cognito JWTs for one user pool: RS256 signature by a key of the pool's JWKS, then the claim rules of
 * {@link CognitoClaimRules}. Thread-safe; one instance per pool.
 *
 * <p>The order is chosen for cost and safety: the cheap format checks first, then the verified-token cache, then
 * the signature, and only then is the payload decoded, so that nothing an attacker wrote is parsed as JSON before
 * its signature is known to be the pool's. Headers that led to a good signature are remembered (a pool has one
 * header per signing key), which saves a JSON parse per new token.
 */
public final class CognitoTokenVerifier {

    /** Longer than any token Cognito issues; anything longer is refused before any work is done on it. */
    static final int MAX_TOKEN_LENGTH = 32 * 1024;
    private static final int MAX_REMEMBERED_HEADERS = 16;

    private final SigningKeys signingKeys;
    private final CognitoClaimRules claimRules;
    private final VerifiedTokenCache cache; // null when turned off
    private final JsonReaderFactory jsonReaders = Json.createReaderFactory(Map.of());
    private final Map<String, JWSHeader> verifiedHeaders = new ConcurrentHashMap<>();

    CognitoTokenVerifier(CognitoConfig config, SigningKeys signingKeys, Clock clock) {
        this.signingKeys = signingKeys;
        this.claimRules = new CognitoClaimRules(config, clock);
        this.cache = config.tokenCacheSize() > 0 ? new VerifiedTokenCache(config.tokenCacheSize(), clock) : null;
    }

    /** A verifier for the pool of {@code config}, fetching its keys from {@code config.jwksUri()}. */
    public static CognitoTokenVerifier forPool(CognitoConfig config) {
        Clock clock = Clock.systemUTC();
        return new CognitoTokenVerifier(config, SigningKeys.fromJwksUri(config.jwksUri(),
                config.connectTimeout(), config.readTimeout(), clock), clock);
    }

    /**
     * Verifies {@code token} (a compact JWT, as sent after {@code Bearer }).
     *
     * @throws TokenRejectedException          the token is not a valid token of this pool for this application
     * @throws SigningKeysUnavailableException the pool's keys cannot be fetched: the token cannot be judged
     */
    public VerifiedToken verify(String token) throws TokenRejectedException, SigningKeysUnavailableException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(TokenRejection.EMPTY);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(TokenRejection.TOO_LONG);
        }
        TokenDigest digest = null;
        if (cache != null) {
            digest = VerifiedTokenCache.digest(token);
            VerifiedClaims cached = cache.get(digest);
            if (cached != null) {
                return new VerifiedToken(token, cached);
            }
        }
        CompactJws jws = CompactJws.split(token);
        verifySignature(jws);
        VerifiedClaims claims = claimRules.check(payload(jws));
        if (cache != null) {
            cache.put(digest, claims);
        }
        return new VerifiedToken(token, claims);
    }

    /** The verified-token cache, null when turned off (for tests). */
    VerifiedTokenCache cache() {
        return cache;
    }

    private void verifySignature(CompactJws jws) throws TokenRejectedException, SigningKeysUnavailableException {
        JWSHeader header = verifiedHeaders.get(jws.header());
        boolean known = header != null;
        if (!known) {
            header = rs256Header(jws.header());
        }
        Optional<RSASSAVerifier> verifier = signingKeys.verifierFor(header.getKeyID());
        if (verifier.isEmpty()) {
            throw new TokenRejectedException(TokenRejection.UNKNOWN_KEY_ID);
        }
        try {
            if (!verifier.get().verify(header, jws.signingInput(), new Base64URL(jws.signature()))) {
                throw new TokenRejectedException(TokenRejection.BAD_SIGNATURE);
            }
        } catch (JOSEException e) {
            throw new TokenRejectedException(TokenRejection.BAD_SIGNATURE);
        }
        if (!known && verifiedHeaders.size() < MAX_REMEMBERED_HEADERS) {
            verifiedHeaders.putIfAbsent(jws.header(), header);
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
        return jwsHeader;
    }

    private JsonObject payload(CompactJws jws) throws TokenRejectedException {
        try (JsonReader reader = jsonReaders.createReader(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(jws.payload())))) {
            return reader.readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            // a valid signature over bytes that are not a JSON object: not a token of ours either way
            throw new TokenRejectedException(TokenRejection.MALFORMED);
        }
    }
}
