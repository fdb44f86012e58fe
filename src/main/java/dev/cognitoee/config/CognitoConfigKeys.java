package dev.cognitoee.config;

/**
 * The MicroProfile Config keys of the module. Each one can also be set through the attribute of
 * {@link dev.cognitoee.CognitoAuthenticationMechanismDefinition} named in its comment; MicroProfile Config wins.
 */
public final class CognitoConfigKeys {

    /** AWS region of the user pool ({@code region}). Default: the region prefix of the user pool id. */
    public static final String REGION = "cognito.region";
    /** User pool id ({@code userPoolId}). Required. */
    public static final String USER_POOL_ID = "cognito.user-pool-id";
    /** App client id(s) whose tokens are accepted, comma-separated ({@code clientId}). Required. */
    public static final String CLIENT_ID = "cognito.client-id";
    /** Expected {@code iss} ({@code issuer}). Default: {@code https://cognito-idp.<region>.amazonaws.com/<pool>}. */
    public static final String ISSUER = "cognito.issuer";
    /** JWKS location ({@code jwksUri}). Default: {@code <issuer>/.well-known/jwks.json}. */
    public static final String JWKS_URI = "cognito.jwks-uri";
    /** {@code access} or {@code id} ({@code tokenUse}). Default: {@code access}. */
    public static final String TOKEN_USE = "cognito.token-use";
    /** Clock skew in seconds ({@code clockSkew}). Default: 60. */
    public static final String CLOCK_SKEW = "cognito.clock-skew";
    /** Claim holding the groups ({@code groupsClaim}). Default: {@code cognito:groups}. */
    public static final String GROUPS_CLAIM = "cognito.groups-claim";
    /** Claim holding the caller name ({@code callerNameClaim}). Default: {@code username} (access) or
     *  {@code cognito:username} (id). */
    public static final String CALLER_NAME_CLAIM = "cognito.caller-name-claim";
    /** JWKS connect timeout in milliseconds ({@code jwksConnectTimeout}). Default: 5000. */
    public static final String JWKS_CONNECT_TIMEOUT = "cognito.jwks-connect-timeout";
    /** JWKS read timeout in milliseconds ({@code jwksReadTimeout}). Default: 5000. */
    public static final String JWKS_READ_TIMEOUT = "cognito.jwks-read-timeout";
    /** Size of the verified-token cache; 0 turns it off ({@code tokenCacheSize}). Default: 10000. */
    public static final String TOKEN_CACHE_SIZE = "cognito.token-cache-size";

    private CognitoConfigKeys() {
    }
}
