package dev.cognitoee.internal.metrics;

import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignInWithRedirectFailed;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;

/**
 * The module's counters, one set per application (the module's jar is in each WAR's {@code WEB-INF/lib}, so each
 * application has its own copy of these classes). Code on the request path only increments them; the exporters
 * ({@code internal.observe}) read them when MicroProfile Metrics or JMX asks, so that no metrics library is ever on
 * the bearer path. Names and tags, as exported, are in the README ("Health and metrics").
 */
public final class Metrics {

    /** Sign-ins that ended signed in (password, challenge answer, hosted UI). */
    public static final Count SIGN_INS = new Count();
    /** Sign-ins that failed, by {@code AuthError}. */
    public static final CountByKey SIGN_IN_FAILURES = new CountByKey();
    /** Session token refreshes done by this node. */
    public static final Count REFRESHES = new Count();
    /** Session token refreshes that failed, by {@code AuthError}. */
    public static final CountByKey REFRESH_FAILURES = new CountByKey();
    /** Bearer tokens refused (401), by {@code TokenRejection}. */
    public static final CountByKey TOKEN_REJECTIONS = new CountByKey();
    /** Fetches of a JWKS (every trusted issuer's), their failures and their duration. */
    public static final Count JWKS_FETCHES = new Count();
    public static final Count JWKS_FETCH_FAILURES = new Count();
    public static final CallTimes JWKS_FETCH_TIME = new CallTimes();
    /** Lookups of the verified-token cache that found the token, and those that did not. */
    public static final Count TOKEN_CACHE_HITS = new Count();
    public static final Count TOKEN_CACHE_MISSES = new Count();
    /** AWS credentials fetched from the credentials provider, and those served from this node's cache. */
    public static final Count CREDENTIALS_FETCHES = new Count();
    public static final Count CREDENTIALS_CACHE_HITS = new Count();
    /**
     * Calls to the Cognito APIs (user pool and identity pool) by operation, as the AWS SDK makes them, and the hosted
     * UI's token endpoint ({@link #TOKEN_ENDPOINT}).
     */
    public static final CallTimes COGNITO_CALLS = new CallTimes();

    /** The name under which JWKS fetches are timed in {@link #JWKS_FETCH_TIME}. */
    public static final String JWKS_FETCH = "jwks";
    /** The operation under which the hosted UI's code exchange ({@code /oauth2/token}) is timed in {@link #COGNITO_CALLS}. */
    public static final String TOKEN_ENDPOINT = "OAuth2Token";

    private Metrics() {
    }

    /** Counts what a module event says about sign-ins and refreshes; other events count nothing. */
    public static void count(Object event) {
        if (event instanceof SignedIn) { // a hosted-UI sign-in fires SignedIn too
            SIGN_INS.increment();
        } else if (event instanceof SignInFailed failed) {
            SIGN_IN_FAILURES.increment(failed.error());
        } else if (event instanceof SignInWithRedirectFailed failed) {
            SIGN_IN_FAILURES.increment(failed.error());
        } else if (event instanceof TokenRefreshed) {
            REFRESHES.increment();
        } else if (event instanceof TokenRefreshFailed failed) {
            REFRESH_FAILURES.increment(failed.error());
        }
    }
}
