package dev.cognitoee.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.event.AuthEvents;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Refreshes a session's tokens shortly before they expire ({@code cognito.refresh-ahead}), once even when several
 * requests of the session arrive together: the first one calls Cognito, the others wait for its result (per node).
 *
 * <p>Only a definitive refusal ({@code NotAuthorizedException}: refresh token expired or revoked) ends the session;
 * when Cognito cannot be reached the tokens are kept, and used while they are still valid.
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

    private final Clock clock = Clock.systemUTC();
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
            SessionTokens result = latest != null && !due(latest) ? latest : refresh(session, tokens);
            mine.complete(result);
            return result;
        } catch (CognitoAuthException e) {
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
        try {
            AuthenticationResultType result = userPool.refresh(tokens.username(), tokens.refreshToken())
                    .authenticationResult();
            SessionTokens fresh = tokens.refreshed(result.accessToken(), result.idToken(), result.refreshToken(),
                    TokenExpiry.of(result.accessToken(), result.idToken()));
            SessionStore.replaceTokens(session, fresh);
            events.fire(new TokenRefreshed(tokens.username(), fresh.expiresAt(), now));
            return fresh;
        } catch (CognitoAuthException e) {
            boolean definitive = e.error() == AuthError.NOT_AUTHORIZED;
            LOG.log(Level.INFO, "Refreshing the tokens of {0} failed ({1}){2}", new Object[] {
                    tokens.username(), e.error(), definitive ? "; the session is ended" : "; the tokens are kept"});
            events.fire(new TokenRefreshFailed(tokens.username(), e.error(), definitive, now));
            if (definitive) {
                SessionStore.end(session);
                events.fire(new SignedOut(tokens.username(), false, SignedOut.Reason.REFRESH_REFUSED, now));
            }
            throw e;
        }
    }

    private boolean due(SessionTokens tokens) {
        return !clock.instant().plus(config.refreshAhead()).isBefore(tokens.expiresAt());
    }

    private static SessionTokens await(CompletableFuture<SessionTokens> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CognitoAuthException cognito) {
                throw cognito;
            }
            throw e;
        }
    }
}
