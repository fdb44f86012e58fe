package dev.cognitoee.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The validated settings of one Cognito user pool and its app client(s). Immutable; built by
 * {@link CognitoConfigReader}. Kept an object (not statics) so that several pools can be served later.
 *
 * @param region              AWS region of the pool
 * @param userPoolId          the pool id
 * @param clientIds           app clients whose tokens are accepted (never empty)
 * @param clientSecret        the app client's secret, or null
 * @param endpoint            Cognito API endpoint override, or null for the region's
 * @param identityPoolId      the identity pool, or null when AWS credentials are off
 * @param identityEndpoint    Cognito Identity API endpoint override, or null
 * @param allowGuestAccess    whether anonymous callers get guest credentials
 * @param issuer              the expected {@code iss} claim
 * @param jwksUri             where the pool publishes its signing keys
 * @param tokenUse            which token a bearer request must carry
 * @param clockSkew           tolerance for {@code exp}, {@code nbf}, {@code iat}
 * @param groupsClaim         claim whose string array becomes the caller's groups
 * @param callerNameClaim     claim that names the caller
 * @param loginPage           context-relative sign-in page, or null
 * @param errorPage           context-relative page for a failed form sign-in, or null
 * @param refreshAhead        how long before its expiry a session's access token is refreshed
 * @param connectTimeout      connect timeout of calls to Cognito
 * @param readTimeout         read timeout of calls to Cognito
 * @param tokenCacheSize      maximum number of verified tokens remembered; 0 means no cache
 * @param allowedOrigins      origins besides the application's own whose pages may post sign-ins
 * @param maxConcurrentSignIns sign-in calls to Cognito in flight at once on this node
 * @param signInAuthFlow      the Cognito flow of a password sign-in
 * @param revocationCheck     which revoked tokens are refused before their {@code exp}
 * @param revocationCacheTime how long GetUser's acceptance of an access token is trusted ({@code cognito} mode)
 * @param sessionCookieSameSite the {@code SameSite} attribute the module puts on the session cookie
 * @param sessionEncryptionKeys the keys that seal secrets in the HTTP session, or null when none is configured
 * @param signIn              how anonymous browsers sign in
 * @param hostedUi            the hosted UI of the sign-in app client, or null when none is configured
 * @param otherIssuers        the issuers trusted for bearer tokens besides this pool ({@code cognito.pools},
 *                            {@code cognito.oidc-issuers})
 */
public record CognitoConfig(
        String region,
        String userPoolId,
        List<String> clientIds,
        String clientSecret,
        URI endpoint,
        String identityPoolId,
        URI identityEndpoint,
        boolean allowGuestAccess,
        String issuer,
        URI jwksUri,
        TokenUse tokenUse,
        Duration clockSkew,
        String groupsClaim,
        String callerNameClaim,
        String loginPage,
        String errorPage,
        Duration refreshAhead,
        Duration connectTimeout,
        Duration readTimeout,
        int tokenCacheSize,
        List<String> allowedOrigins,
        int maxConcurrentSignIns,
        SignInAuthFlow signInAuthFlow,
        RevocationCheck revocationCheck,
        Duration revocationCacheTime,
        SameSite sessionCookieSameSite,
        SessionEncryptionKeys sessionEncryptionKeys,
        SignIn signIn,
        HostedUi hostedUi,
        List<TrustedIssuer> otherIssuers) {

    public CognitoConfig {
        clientIds = List.copyOf(clientIds);
        allowedOrigins = List.copyOf(allowedOrigins);
        otherIssuers = List.copyOf(otherIssuers);
    }

    /**
     * This pool as a trusted issuer, named {@value TrustedIssuer#DEFAULT_POOL}: the one users sign in with, whose
     * groups are the roles as they are.
     */
    public TrustedIssuer defaultIssuer() {
        return new TrustedIssuer(TrustedIssuer.DEFAULT_POOL, TrustedIssuer.Kind.COGNITO_POOL, issuer, jwksUri,
                tokenUse, clientIds, groupsClaim, callerNameClaim, RoleMapping.GROUPS_ARE_ROLES);
    }

    /** The client id the module signs users in with (the first of {@link #clientIds()}). */
    public String signInClientId() {
        return clientIds.get(0);
    }

    /**
     * The longest a call to Cognito may take, retries included: connect plus read timeout, and a second for the
     * rest. The SDK clients are bounded by it, and so is every wait for another request's call.
     */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout).plusSeconds(1);
    }

    /** The key of this pool's logins in an identity pool's {@code Logins} map. */
    public String identityProviderName() {
        return "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    @Override
    public String toString() {
        return "CognitoConfig[userPoolId=" + userPoolId + ", clientIds=" + clientIds + ", clientSecret="
                + (clientSecret == null ? "none" : "(set)") + ", issuer=" + issuer + ", tokenUse=" + tokenUse
                + ", otherIssuers=" + otherIssuers.stream().map(TrustedIssuer::name).toList() + "]";
    }
}
