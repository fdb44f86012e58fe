package dev.cognitoee.internal.token;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.RoleMapping;
import dev.cognitoee.internal.config.TokenUse;
import dev.cognitoee.internal.config.TrustedIssuer;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claim checks a token must pass once its signature is verified: issuer; for a Cognito pool {@code token_use}
 * and the app client ({@code client_id} for access tokens, {@code aud} for id tokens); for another OIDC issuer an
 * {@code aud} that contains one of the configured audiences; {@code exp}/{@code nbf}/{@code iat} with the
 * configured skew, and the presence of the caller-name claim. The groups claim becomes roles through the issuer's
 * {@link RoleMapping}.
 */
final class CognitoClaimRules {

    /** The largest NumericDate an {@link Instant} can hold; beyond it a date claim is malformed. */
    private static final java.math.BigDecimal MAX_SECONDS = java.math.BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final String issuer;
    private final TokenUse tokenUse; // null for an OIDC issuer: no token_use rule
    private final List<String> clientIds; // the app clients, or an OIDC issuer's audiences
    private final long skewSeconds;
    private final String callerNameClaim;
    private final String groupsClaim;
    private final RoleMapping roleMapping;
    private final Clock clock;

    CognitoClaimRules(CognitoConfig config, Clock clock) {
        this(config.defaultIssuer(), config.clockSkew(), clock);
    }

    CognitoClaimRules(TrustedIssuer trusted, Duration clockSkew, Clock clock) {
        this.issuer = trusted.issuer();
        this.tokenUse = trusted.kind() == TrustedIssuer.Kind.COGNITO_POOL ? trusted.tokenUse() : null;
        this.clientIds = trusted.audiences();
        this.skewSeconds = clockSkew.toSeconds();
        this.callerNameClaim = trusted.callerNameClaim();
        this.groupsClaim = trusted.groupsClaim();
        this.roleMapping = trusted.roleMapping();
        this.clock = clock;
    }

    /**
     * The rules for the tokens of {@code use} of a Cognito pool, whatever token bearer requests carry; when it is not
     * the pool's {@code token-use}, the caller's name is read from Cognito's claim for that kind of token
     * ({@code username} or {@code cognito:username}). For the tokens a sign-in receives (the hosted UI's code
     * exchange returns both).
     */
    static CognitoClaimRules forUse(TrustedIssuer pool, TokenUse use, Duration clockSkew, Clock clock) {
        if (use == pool.tokenUse()) {
            return new CognitoClaimRules(pool, clockSkew, clock);
        }
        TrustedIssuer asUse = new TrustedIssuer(pool.name(), pool.kind(), pool.issuer(), pool.jwksUri(), use,
                pool.audiences(), pool.groupsClaim(), use == TokenUse.ID ? "cognito:username" : "username",
                pool.roleMapping());
        return new CognitoClaimRules(asUse, clockSkew, clock);
    }

    VerifiedClaims check(JsonObject claims) throws TokenRejectedException {
        require(issuer.equals(string(claims, "iss")), TokenRejection.WRONG_ISSUER);
        if (tokenUse != null) {
            require(tokenUse.claimValue().equals(string(claims, "token_use")), TokenRejection.WRONG_TOKEN_USE);
            require(issuedToUs(claims), TokenRejection.WRONG_CLIENT);
        } else {
            require(audienceIsOurs(claims), TokenRejection.WRONG_AUDIENCE);
        }

        long now = clock.instant().getEpochSecond();
        long exp = seconds(claims, "exp", true);
        require(now <= exp + skewSeconds, TokenRejection.EXPIRED);
        long iat = seconds(claims, "iat", true);
        require(iat <= now + skewSeconds, TokenRejection.ISSUED_IN_FUTURE);
        long nbf = seconds(claims, "nbf", false);
        require(nbf <= now + skewSeconds, TokenRejection.NOT_YET_VALID);

        String callerName = string(claims, callerNameClaim);
        require(callerName != null && !callerName.isEmpty(), TokenRejection.MISSING_CLAIM);
        return new VerifiedClaims(claims, callerName, roleMapping.roles(groups(claims)), Instant.ofEpochSecond(exp));
    }

    private boolean issuedToUs(JsonObject claims) throws TokenRejectedException {
        if (tokenUse == TokenUse.ACCESS) {
            String clientId = string(claims, "client_id");
            return clientId != null && clientIds.contains(clientId); // List.copyOf lists throw on contains(null)
        }
        return audienceIsOurs(claims);
    }

    /** {@code aud}, a string or an array of strings, names one of ours (RFC 7519 4.1.3, OIDC Core 3.1.3.7). */
    private boolean audienceIsOurs(JsonObject claims) throws TokenRejectedException {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            return clientIds.contains(single.getString());
        }
        if (aud instanceof JsonArray many) {
            return strings(many).stream().anyMatch(clientIds::contains);
        }
        return false;
    }

    private Set<String> groups(JsonObject claims) throws TokenRejectedException {
        JsonValue value = claims.get(groupsClaim);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (value instanceof JsonArray array) {
            return strings(array);
        }
        throw new TokenRejectedException(TokenRejection.MALFORMED_CLAIM);
    }

    private static Set<String> strings(JsonArray array) throws TokenRejectedException {
        Set<String> strings = new LinkedHashSet<>();
        for (JsonValue element : array) {
            if (!(element instanceof JsonString string)) {
                throw new TokenRejectedException(TokenRejection.MALFORMED_CLAIM);
            }
            strings.add(string.getString());
        }
        return Set.copyOf(strings);
    }

    /** The string claim, null when absent; a claim of another type is malformed. */
    private static String string(JsonObject claims, String name) throws TokenRejectedException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new TokenRejectedException(TokenRejection.MALFORMED_CLAIM);
    }

    /** A NumericDate claim in whole seconds; an absent optional one reads as the distant past. */
    private static long seconds(JsonObject claims, String name, boolean required) throws TokenRejectedException {
        JsonValue value = claims.get(name);
        if (value == null) {
            if (required) {
                throw new TokenRejectedException(TokenRejection.MISSING_CLAIM);
            }
            return Long.MIN_VALUE;
        }
        // Within Instant's range, or no date at all: longValue() of 1e30 is some 64 bits of it, which Instant refuses.
        if (value instanceof JsonNumber number && number.bigDecimalValue().abs().compareTo(MAX_SECONDS) <= 0) {
            return number.longValue();
        }
        throw new TokenRejectedException(TokenRejection.MALFORMED_CLAIM);
    }

    private static void require(boolean condition, TokenRejection otherwise) throws TokenRejectedException {
        if (!condition) {
            throw new TokenRejectedException(otherwise);
        }
    }
}
