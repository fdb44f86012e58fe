package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Refreshes a session's tokens shortly before they expire ({@code cognito.refresh-ahead}), once even when several
 * requests of the session arrive together: the first one calls Cognito, the others wait for its result (per node).
 *
 * <p>Only a definitive refusal ends the session: {@code NotAuthorizedException} (refresh token expired or revoked,
 * user disabled) or {@code UserNotFoundException} (user deleted). When Cognito cannot be reached the tokens are kept,
 * and used while they are still valid.
 *
 * <p>The shared future is completed on every path, exceptions included, and nobody waits for it longer than a
 * refresh may take ({@link CognitoConfig#callTimeout()}): a waiter past that bound gets {@code SERVICE_UNAVAILABLE}.
 *
 * <p>On a cluster ({@link SharedState} has a grid) the refresh is also single-flight cluster-wide: the one request
 * per node that would refresh goes through {@link SharedRefresh}, so that requests of one session spread over
 * several nodes make one call to Cognito, and the others get its tokens. Their wait is then bounded by
 * {@link SharedRefresh#waitBound()} instead.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class.getName());

    @Inject
    CognitoConfig config;

    @Inject
    UserPoolClient userPool;

    @Inject
    AuthEvents events;

    @Inject
    TokenRevocations revocations;

    @Inject
    SessionSealer sealer;

    @Inject
    UnreadableSessions unreadable;

    @Inject
    @ModuleClock
    Clock clock;

    @Inject
    SharedState shared;

    private volatile SharedRefresh sharedRefresh; // made at first use, null when per node
    private final Map<String, CompletableFuture<SessionTokens>> inFlight = new ConcurrentHashMap<>();

    /**
     * The session's tokens, refreshed first if they expire within the refresh-ahead time.
     *
     * @throws CognitoAuthException {@code NOT_AUTHORIZED} when Cognito refused the refresh (the session is then
     *                              ended), {@code SERVICE_UNAVAILABLE} when it could not be asked
     */
    public SessionTokens current(HttpSession session, SessionTokens tokens) {
        if (!due(tokens)) {
            return tokens;
        }
        CompletableFuture<SessionTokens> mine = new CompletableFuture<>();
        CompletableFuture<SessionTokens> running = inFlight.putIfAbsent(session.getId(), mine);
        if (running != null) {
            return await(running);
        }
        try {
            // Read again now that this thread owns the refresh: one that finished just before may have done it.
            SessionTokens latest = SessionStore.tokens(session);
            SessionTokens result = latest != null && !due(latest) ? latest : refreshOnce(session, tokens);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            // Whatever went wrong, the requests waiting for this refresh must not wait forever.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(session.getId(), mine);
        }
    }

    /** Refreshes now, whatever the expiry (Amplify's {@code fetchAuthSession({forceRefresh: true})}). */
    public SessionTokens forceRefresh(HttpSession session, SessionTokens tokens) {
        return refresh(session, tokens);
    }

    private SessionTokens refresh(HttpSession session, SessionTokens tokens) {
        Instant now = clock.instant();
        SessionTokens fresh = askCognito(session, tokens, now);
        store(session, fresh);
        events.fire(new TokenRefreshed(tokens.username(), fresh.expiresAt(), PoolJsonWebToken.DEFAULT_POOL, now));
        return fresh;
    }

    /**
     * Refreshes once for the whole cluster when there is one: either this node asks Cognito (and fires
     * {@code TokenRefreshed}), or it stores the tokens another node got for the same session and access token.
     */
    private SessionTokens refreshOnce(HttpSession session, SessionTokens tokens) {
        SharedRefresh cluster = sharedRefresh();
        if (cluster == null) {
            return refresh(session, tokens);
        }
        Instant now = clock.instant();
        SharedRefresh.Result result = cluster.refresh(session.getId(), tokens,
                () -> askCognito(session, tokens, now));
        store(session, result.tokens());
        if (result.computedHere()) {
            events.fire(new TokenRefreshed(tokens.username(), result.tokens().expiresAt(),
                    PoolJsonWebToken.DEFAULT_POOL, now));
        }
        return result.tokens();
    }

    private static void store(HttpSession session, SessionTokens fresh) {
        if (!SessionStore.replaceTokens(session, fresh)) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN,
                    "The session was ended (signed out) while its tokens were being refreshed");
        }
    }

    private SharedRefresh sharedRefresh() {
        SharedRefresh current = sharedRefresh;
        if (current == null && shared.grid().isPresent()) {
            current = new SharedRefresh(shared, sealer, config, clock);
            sharedRefresh = current; // two threads may both make one: equal, and either will do
        }
        return current;
    }

    private SessionTokens askCognito(HttpSession session, SessionTokens tokens, Instant now) {
        String refreshToken = openRefreshToken(session, tokens);
        try {
            if (refreshToken == null) { // the token endpoint gave none: nothing can renew this session
                throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "The session has no refresh token");
            }
            AuthenticationResultType result = userPool.refresh(tokens.username(), refreshToken)
                    .authenticationResult();
            // Cognito sends a new refresh token only when rotation is on; the one kept is sealed again all the same,
            // with the current key, so that sessions move off a key being retired.
            String next = result.refreshToken() != null ? result.refreshToken() : refreshToken;
            return tokens.refreshed(result.accessToken(), result.idToken(), sealer.seal(Purpose.REFRESH_TOKEN, next),
                    TokenExpiry.of(result.accessToken(), result.idToken()));
        } catch (CognitoAuthException e) {
            boolean definitive = e.error() == AuthError.NOT_AUTHORIZED || e.error() == AuthError.USER_NOT_FOUND;
            LOG.log(Level.INFO, "Refreshing the tokens of {0} failed ({1}){2}", new Object[] {
                    tokens.username(), e.error(), definitive ? "; the session is ended" : "; the tokens are kept"});
            events.fire(new TokenRefreshFailed(tokens.username(), e.error(), definitive, PoolJsonWebToken.DEFAULT_POOL,
                    now));
            if (definitive) {
                revocations.revokeSession(tokens.accessToken(), tokens.idToken()); // when the check is on
                SessionStore.end(session);
                events.fire(new SignedOut(tokens.username(), false, SignedOut.Reason.REFRESH_REFUSED,
                        PoolJsonWebToken.DEFAULT_POOL, now));
            }
            throw e;
        }
    }

    /** The session's refresh token in clear (null if it has none); a session whose token cannot be opened ends. */
    private String openRefreshToken(HttpSession session, SessionTokens tokens) {
        if (tokens.refreshToken() == null) {
            return null;
        }
        try {
            return sealer.open(Purpose.REFRESH_TOKEN, tokens.refreshToken());
        } catch (SealBrokenException e) {
            unreadable.end(session, tokens, e);
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN,
                    "The session's refresh token cannot be decrypted; the session is ended");
        }
    }

    private boolean due(SessionTokens tokens) {
        return !clock.instant().plus(config.refreshAhead()).isBefore(tokens.expiresAt());
    }

    /** How long a request waits for another request's refresh: one call, or the cluster's hand-off. */
    private Duration waitBound() {
        SharedRefresh cluster = sharedRefresh();
        return cluster == null ? config.callTimeout() : cluster.waitBound();
    }

    /** The result of another request's refresh, waited for no longer than a refresh may take. */
    private SessionTokens await(CompletableFuture<SessionTokens> running) {
        try {
            return running.get(waitBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CognitoAuthException cognito) {
                throw cognito;
            }
            throw new CognitoAuthException(AuthError.UNEXPECTED, null, "Refreshing the session's tokens failed",
                    e.getCause());
        } catch (TimeoutException e) {
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                    "Refreshing the session's tokens takes longer than " + waitBound(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                    "Interrupted while the session's tokens were refreshed", e);
        }
    }
}
