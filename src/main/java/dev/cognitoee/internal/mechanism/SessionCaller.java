package dev.cognitoee.internal.mechanism;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.TokenUse;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.internal.session.UnreadableSessions;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.CognitoTokenVerifier;
import dev.cognitoee.internal.token.SigningKeysUnavailableException;
import dev.cognitoee.internal.token.TokenRejectedException;
import dev.cognitoee.internal.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The caller of a signed-in browser session: its token (of the configured {@code token-use}), refreshed shortly
 * before it expires and verified like a bearer token (a cache hit after the first request), without calling
 * Cognito otherwise.
 */
@ApplicationScoped
class SessionCaller {

    private static final Logger LOG = Logger.getLogger(SessionCaller.class.getName());

    @Inject
    CognitoConfig config;

    @Inject
    CognitoTokenVerifier verifier;

    @Inject
    TokenRefresher refresher;

    @Inject
    UnreadableSessions unreadable;

    @Inject
    @ModuleClock
    Clock clock;

    /**
     * The session's verified token, or null when nobody is signed in on it (or no longer: a refused refresh ends
     * the session).
     *
     * @throws CognitoAuthException {@code SERVICE_UNAVAILABLE} when the session cannot be judged now: its tokens
     *                              have expired and Cognito cannot refresh them, or the pool's keys are unreachable
     */
    VerifiedToken verifiedToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SessionTokens tokens = session == null ? null : SessionStore.tokens(session);
        if (tokens == null || !unreadable.readable(session, tokens)) {
            return null; // nobody signed in, or a session under a retired key: signed out just now
        }
        try {
            tokens = refresher.current(session, tokens);
        } catch (CognitoAuthException e) {
            if (e.error() == AuthError.NOT_AUTHORIZED || e.error() == AuthError.USER_NOT_FOUND
                    || e.error() == AuthError.NOT_SIGNED_IN) {
                return null; // refresh refused (the refresher ended the session), or signed out meanwhile
            }
            if (!clock.instant().isBefore(tokens.expiresAt())) {
                throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                        "The session's tokens expired and Cognito cannot refresh them now", e);
            }
            // Cognito unreachable, tokens still valid: keep serving the session with them.
        }
        try {
            return verifier.verify(config.tokenUse() == TokenUse.ID ? tokens.idToken() : tokens.accessToken());
        } catch (TokenRejectedException e) {
            LOG.log(Level.INFO, "Ending the session of {0}: its token is refused ({1})",
                    new Object[] {tokens.username(), e.rejection()});
            SessionStore.end(request);
            return null;
        } catch (SigningKeysUnavailableException e) {
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null, e.getMessage(), e);
        }
    }
}
