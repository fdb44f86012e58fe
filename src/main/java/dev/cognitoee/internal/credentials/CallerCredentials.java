package dev.cognitoee.internal.credentials;

import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.spi.TokenProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import dev.cognitoee.internal.seal.SessionSealer;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current caller's AWS credentials: who the caller is ({@link RequestCaller}: the id token of the token
 * provider in use, by default the caller that authenticated the request; else the session's federated logins or
 * guest), and a cache of credentials per caller, each kept until
 * shortly before its own expiration. Users are keyed on their verified {@code sub} and issuer, never a name.
 * Concurrent requests of one caller share one fetch, run outside any lock; a request waits for another's fetch at
 * most {@link FetchBounds#waitForFetch}. One caller's credentials never reach another, since the cache key is
 * derived from the caller's own verified identity on every call.
 */
@ApplicationScoped
public class CallerCredentials {

    private static final Logger LOG = Logger.getLogger(CallerCredentials.class.getName());
    private static final long MAXIMUM_CALLERS = 100_000;

    @Inject
    CognitoConfig config;

    @Inject
    @ProviderInUse
    CredentialsAndIdentityIdProvider provider;

    @Inject
    @Cognito
    TokenProvider tokens;

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext securityContext;

    @Inject
    @ModuleClock
    Clock clock;

    @Inject
    SharedState shared;

    @Inject
    SessionSealer sealer;

    private CredentialsCache cache;
    private SessionHoldings holdings;

    /** For CDI: the caches are made once the module's clock is injected. */
    public CallerCredentials() {
    }

    /** With {@code clock} measuring how long credentials and the sessions' records are kept. */
    CallerCredentials(Clock clock) {
        this.clock = clock;
        start();
    }

    @PostConstruct
    void start() {
        cache = new CredentialsCache(clock, MAXIMUM_CALLERS, sharedCredentials());
        // As long as anything a session's caller keys point to can still be cached: credentials and identity ids.
        holdings = new SessionHoldings(MAXIMUM_CALLERS,
                CredentialsLifetime.MAX_FRESH.plus(IdentityPoolCredentialsProvider.IDENTITY_ID_LIFETIME), clock);
    }

    /**
     * The cluster's credentials cache, or null when per node. Its entries are the identity pool's answers for
     * the callers of this user pool; an application's own provider is named too, so that two applications with
     * different providers on one cluster never share credentials.
     */
    private SharedCredentials sharedCredentials() {
        if (shared == null || shared.grid().isEmpty()) {
            return null;
        }
        try {
            return new SharedCredentials(shared, sealer, clock, FetchBounds.waitForFetch(config), config.userPoolId(),
                    config.identityPoolId(), String.join(",", config.clientIds()),
                    provider.getClass().getName().replaceAll("\\$.*", ""));
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid cannot be used for AWS credentials ({0}); they are cached"
                    + " per node", e.getMessage());
            return null;
        }
    }

    /** The caller's credentials, from the cache when still fresh. */
    public CredentialsAndIdentityId current() {
        return current(false);
    }

    /**
     * The caller's credentials; with {@code forceRefresh}, fetched anew.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in and guests are not allowed,
     *                              {@code NO_IDENTITY_POOL}, {@code NOT_AUTHORIZED} when the caller has no id token
     *                              to exchange (a bearer access token) or no {@code sub}, {@code SERVICE_UNAVAILABLE}
     *                              when the identity pool (or another request's fetch) takes too long, or the
     *                              provider's error
     */
    public CredentialsAndIdentityId current(boolean forceRefresh) {
        if (provider instanceof IdentityPoolCredentialsProvider pool) {
            pool.requireIdentityPool(); // without one, no caller is ever told about id tokens it lacks
        }
        RequestCaller.Resolved caller = RequestCaller.resolve(config, tokens, request, securityContext,
                forceRefresh);
        CredentialsRequest asked = caller.request();
        if (caller.session() != null) {
            holdings.record(caller.session().getId(), asked.cacheKey());
        }
        CredentialsAndIdentityId credentials = cache.get(asked.cacheKey(), forceRefresh,
                FetchBounds.waitForFetch(config), provider, () -> provider.getCredentialsAndIdentityId(asked));
        if (!asked.authenticated()) {
            GuestIdentity.remember(caller.session(), credentials.identityId());
        }
        return credentials;
    }

    /** Forgets the current caller's credentials, if there is a caller (before its logins change). */
    public void forgetCaller() {
        try {
            forget(RequestCaller.resolve(config, tokens, request, securityContext, false).request().cacheKey());
        } catch (CognitoAuthException nobody) {
            // no caller, nothing cached
        }
    }

    /**
     * Forgets everything cached for whoever {@code session} holds (Amplify's {@code clearCredentialsAndIdentityId}),
     * and asks the provider to do the same for each: its signed-in user (by {@code sub} and issuer, from the id
     * token of its tokens), its federated logins, its guest, and whatever else this node served credentials for on
     * behalf of the session. Call it at every end of a session: sign-out, a refused refresh, expiry, sign-in as
     * another user.
     *
     * <p>It needs no current request (an {@code HttpSessionListener.sessionDestroyed} may call it) and works on an
     * invalidated session: what it can read from the session's attributes it reads (they are readable until
     * invalidation ends, and in {@code sessionDestroyed}); for the rest it goes by the session's id, which stays
     * readable after invalidation, through the record kept at each {@link #current} call for the session.
     */
    public void forgetSession(HttpSession session) {
        String sessionId = sessionId(session);
        Set<String> keys = new LinkedHashSet<>();
        if (sessionId != null) {
            keys.addAll(holdings.take(sessionId));
            keys.add(CacheKeys.guest(sessionId));
        }
        keys.addAll(keysHeldBy(session));
        keys.forEach(this::forget);
    }

    /** The keys the session's attributes point to; none when it is invalidated. */
    private static Set<String> keysHeldBy(HttpSession session) {
        Set<String> keys = new LinkedHashSet<>();
        SessionTokens tokens = SessionStore.tokens(session); // null when invalidated
        if (tokens != null) {
            try {
                JsonObject claims = Jwt.decode(tokens.idToken());
                keys.add(RequestCaller.userKey(claims.getString("iss", null), claims.getString("sub", null)));
            } catch (IllegalArgumentException | CognitoAuthException | ClassCastException unreadable) {
                LOG.log(Level.FINE, "The session's id token names no user; nothing cached for one");
            }
        }
        Map<String, String> federated = FederatedLogins.of(session);
        if (!federated.isEmpty()) {
            keys.add(CacheKeys.federated(federated));
        }
        return keys;
    }

    private static String sessionId(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) { // Servlet says getId does not throw; some containers do
            return null;
        }
    }

    private void forget(String cacheKey) {
        cache.forget(cacheKey);
        try {
            provider.clearCredentialsAndIdentityId(cacheKey);
        } catch (RuntimeException e) { // an application's provider failing must not stop a sign-out
            LogMessage.CREDENTIALS_NOT_CLEARED.log(LOG, "The credentials provider failed to forget a caller: {0}",
                    e.getClass().getName());
        }
    }
}
