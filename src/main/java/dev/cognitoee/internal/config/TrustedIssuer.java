package dev.cognitoee.internal.config;

import dev.cognitoee.PoolJsonWebToken;
import java.net.URI;
import java.util.List;

/**
 * One issuer whose tokens are accepted as bearer tokens: the default pool (the single-pool keys), a named pool of
 * {@code cognito.pools}, or another OIDC issuer of {@code cognito.oidc-issuers}. Each has its own keys, claim rules
 * and roles; a token is judged by the one whose {@link #issuer()} equals its {@code iss}, and by no other.
 *
 * @param name            {@value #DEFAULT_POOL} for the default pool, else the name in {@code cognito.pools} or
 *                        {@code cognito.oidc-issuers}; what {@code PoolJsonWebToken.pool()} and the events say
 * @param kind            a Cognito user pool, or another OIDC issuer
 * @param issuer          the exact {@code iss} of its tokens
 * @param jwksUri         where its signing keys are published
 * @param tokenUse        for a Cognito pool, the token bearer requests carry; null for an OIDC issuer
 * @param audiences       for a Cognito pool its app client ids ({@code client_id} of access tokens, {@code aud} of
 *                        id tokens); for an OIDC issuer the accepted {@code aud} values (never empty)
 * @param groupsClaim     the claim whose string array holds the caller's groups
 * @param callerNameClaim the claim naming the caller
 * @param roleMapping     how the groups become roles
 */
public record TrustedIssuer(String name, Kind kind, String issuer, URI jwksUri, TokenUse tokenUse,
                            List<String> audiences, String groupsClaim, String callerNameClaim,
                            RoleMapping roleMapping) {

    /** The name of the pool of the single-pool keys, the one users sign in with. */
    public static final String DEFAULT_POOL = PoolJsonWebToken.DEFAULT_POOL;

    /** What kind of issuer, which decides the claim rules. */
    public enum Kind {
        /** A Cognito user pool: {@code token_use}, and {@code client_id} or {@code aud} against the app clients. */
        COGNITO_POOL,
        /** Another OIDC issuer: its {@code aud} must contain one of the configured audiences. */
        OIDC
    }

    public TrustedIssuer {
        audiences = List.copyOf(audiences);
    }
}
