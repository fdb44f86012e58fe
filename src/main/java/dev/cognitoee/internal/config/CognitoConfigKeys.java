package dev.cognitoee.internal.config;

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
    /** The app client's secret ({@code clientSecret}). Optional: when set, SECRET_HASH is sent. */
    public static final String CLIENT_SECRET = "cognito.client-secret";
    /** Cognito API endpoint override ({@code endpoint}). Optional. */
    public static final String ENDPOINT = "cognito.endpoint";
    /** Identity pool id ({@code identityPoolId}). Optional: turns AWS credentials on. */
    public static final String IDENTITY_POOL_ID = "cognito.identity-pool-id";
    /** Cognito Identity API endpoint override ({@code identityEndpoint}). Optional. */
    public static final String IDENTITY_ENDPOINT = "cognito.identity-endpoint";
    /** Guest credentials for callers who are not signed in ({@code allowGuestAccess}). Default: false. */
    public static final String ALLOW_GUEST_ACCESS = "cognito.allow-guest-access";
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
    /** The sign-in page, context-relative ({@code loginPage}). Optional. */
    public static final String LOGIN_PAGE = "cognito.login-page";
    /** Where a failed form sign-in goes ({@code errorPage}). Default: the login page. */
    public static final String ERROR_PAGE = "cognito.error-page";
    /** Seconds before expiry at which a session's access token is refreshed ({@code refreshAhead}). Default: 120. */
    public static final String REFRESH_AHEAD = "cognito.refresh-ahead";
    /** Connect timeout of calls to Cognito (JWKS, API), in milliseconds ({@code connectTimeout}). Default: 5000. */
    public static final String CONNECT_TIMEOUT = "cognito.connect-timeout";
    /** Read timeout of calls to Cognito (JWKS, API), in milliseconds ({@code readTimeout}). Default: 5000. */
    public static final String READ_TIMEOUT = "cognito.read-timeout";
    /** Size of the verified-token cache; 0 turns it off ({@code tokenCacheSize}). Default: 10000. */
    public static final String TOKEN_CACHE_SIZE = "cognito.token-cache-size";
    /** Other origins (e.g. {@code https://www.example.com}) whose pages may post sign-ins, comma-separated
     *  ({@code allowedOrigins}). Default: none, only the application's own origin. */
    public static final String ALLOWED_ORIGINS = "cognito.allowed-origins";
    /** Sign-ins this node sends to Cognito at once; more are answered 429 ({@code maxConcurrentSignIns}).
     *  Default: 20. */
    public static final String MAX_CONCURRENT_SIGN_INS = "cognito.max-concurrent-sign-ins";
    /** Which tokens are refused before their {@code exp} ({@code revocationCheck}): {@code off}, {@code local}
     *  (tokens of sessions signed out through this application, on this node) or {@code cognito} ({@code local},
     *  and Cognito's GetUser asked about each new access token). Default: {@code off}. See docs/TOKENS.md. */
    public static final String REVOCATION_CHECK = "cognito.revocation-check";
    /** Seconds an access token that Cognito's GetUser accepted is trusted before asking again, with
     *  {@code revocation-check=cognito} ({@code revocationCacheTime}). Default: 60. */
    public static final String REVOCATION_CACHE_TIME = "cognito.revocation-cache-time";
    /** {@code SameSite} of the session cookie: {@code Lax}, {@code Strict} or {@code None}
     *  ({@code sessionCookieSameSite}). Default: {@code Lax}. {@code None} makes the cookie {@code Secure} always. */
    public static final String SESSION_COOKIE_SAME_SITE = "cognito.session-cookie-same-site";

    private CognitoConfigKeys() {
    }
}
