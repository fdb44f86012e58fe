package dev.cognitoee.internal.token;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.TrustedIssuer;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.token.VerifiedTokenCache.TokenDigest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies a bearer token with the verifier of the issuer it names, and with no other. The token's {@code iss} is
 * read first, unverified (Jakarta JSON, on a token already checked to be a well-formed compact JWS of bounded
 * length; the parsed payload is then handed to that issuer's verifier, so it is parsed once); an {@code iss} that is
 * not exactly one of the trusted issuers is refused right there, before any network call: no JWKS is fetched, no
 * name is resolved, for an issuer nobody configured.
 *
 * <p>Each issuer's {@link CognitoTokenVerifier} has its own keys, claim rules and verified-token cache, so no
 * state is shared between issuers. The caches are asked first: a token only its own issuer's verifier can have
 * cached is answered without reading {@code iss} again. The local revocation list and {@code revocation-check=cognito} apply to the
 * default pool only: the module signs users in, and so signs them out, through that pool alone.
 */
public final class BearerTokenVerifier {

    private final Map<String, CognitoTokenVerifier> byIssuer;
    private final boolean caching;

    /** @param caching whether the verifiers have a verified-token cache ({@code cognito.token-cache-size} > 0) */
    BearerTokenVerifier(Map<String, CognitoTokenVerifier> byIssuer, boolean caching) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.caching = caching;
    }

    /**
     * The verifier of the default pool and of each of {@code config.otherIssuers()}.
     *
     * @param defaultPool the default pool's verifier (the one sessions use too)
     * @param clock       the module's clock
     */
    public static BearerTokenVerifier of(CognitoConfig config, CognitoTokenVerifier defaultPool, Clock clock) {
        Map<String, CognitoTokenVerifier> byIssuer = new HashMap<>();
        byIssuer.put(config.issuer(), defaultPool);
        for (TrustedIssuer trusted : config.otherIssuers()) {
            byIssuer.put(trusted.issuer(),
                    CognitoTokenVerifier.forIssuer(trusted, config, clock, TokenRevocations.off(), null));
        }
        return new BearerTokenVerifier(byIssuer, config.tokenCacheSize() > 0);
    }

    /**
     * Verifies {@code token} (a compact JWT, as sent after {@code Bearer }).
     *
     * @throws TokenRejectedException          the token is not a valid token of a trusted issuer for this
     *                                         application ({@link TokenRejection#UNTRUSTED_ISSUER} when its
     *                                         {@code iss} is none of them)
     * @throws SigningKeysUnavailableException its issuer's keys cannot be fetched, or Cognito cannot be asked
     */
    public VerifiedToken verify(String token) throws TokenRejectedException, SigningKeysUnavailableException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(TokenRejection.EMPTY);
        }
        if (token.length() > CognitoTokenVerifier.MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(TokenRejection.TOO_LONG);
        }
        // A token seen before costs a digest and a lookup per issuer, as with one pool: only its own issuer's
        // verifier can have cached it, so a hit needs no reading of iss.
        TokenDigest digest = caching ? VerifiedTokenCache.digest(token) : null;
        if (digest != null) {
            for (CognitoTokenVerifier verifier : byIssuer.values()) {
                VerifiedToken cached = verifier.cached(token, digest);
                if (cached != null) {
                    return cached;
                }
            }
            Metrics.TOKEN_CACHE_MISSES.increment();
        }
        // Split and parsed once: the issuer it names picks the verifier, which gets the token as parsed here.
        CompactJws jws = CompactJws.split(token);
        JsonObject payload = jws.payloadJson();
        String issuer = unverifiedIssuer(payload);
        CognitoTokenVerifier verifier = issuer == null ? null : byIssuer.get(issuer); // Map.copyOf: no get(null)
        if (verifier == null) {
            throw new TokenRejectedException(TokenRejection.UNTRUSTED_ISSUER);
        }
        return verifier.verifyNew(token, jws, payload, digest);
    }

    /**
     * The signing keys' state of every trusted issuer other than {@code defaultPool}, by issuer name, for the
     * readiness check: as {@link CognitoTokenVerifier#keysState()}, each fetched (bounded) when it has no keys yet.
     */
    public SortedMap<String, KeysState> otherIssuersKeys(CognitoTokenVerifier defaultPool) {
        SortedMap<String, KeysState> states = new TreeMap<>();
        for (CognitoTokenVerifier verifier : byIssuer.values()) {
            if (verifier != defaultPool) {
                states.put(verifier.issuerName(), verifier.keysState());
            }
        }
        return states;
    }

    /** The {@code iss} the payload claims, null when it has none; nothing of it is trusted yet. */
    private static String unverifiedIssuer(JsonObject payload) throws TokenRejectedException {
        JsonValue iss = payload.get("iss");
        if (iss == null) {
            return null;
        }
        if (!(iss instanceof JsonString string)) {
            throw new TokenRejectedException(TokenRejection.MALFORMED); // an iss that is not a string
        }
        return string.getString();
    }
}
