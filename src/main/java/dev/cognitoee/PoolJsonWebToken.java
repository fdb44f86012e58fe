package dev.cognitoee;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's token, as {@code @Inject JsonWebToken} gives it, saying which trusted issuer it comes from. Inject
 * it as this type, or cast an injected {@link JsonWebToken} to it:
 * <pre>{@code
 * @Inject PoolJsonWebToken jwt;
 * if ("customers".equals(jwt.pool())) { ... }
 * }</pre>
 * {@link #getGroups()} holds the caller's roles: the issuer's groups claim through its role mapping
 * ({@code cognito.pool.<name>.role-mapping}); the claim itself stays readable with {@link #getClaim(String)}.
 */
public interface PoolJsonWebToken extends JsonWebToken {

    /** The name of the pool that signs users in, whose keys are the single-pool settings. */
    String DEFAULT_POOL = "default";

    /**
     * Which trusted issuer issued the caller's token.
     *
     * @return {@value #DEFAULT_POOL} for the pool of the single-pool settings (which every signed-in session comes
     *         from), a name of {@code cognito.pools} or of {@code cognito.oidc-issuers} for a bearer token of
     *         another issuer; null when the request has no caller
     */
    String pool();
}
