package dev.cognitoee.internal.session;

import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.TokenRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs out the sessions whose sealed refresh token cannot be opened: written under a key retired from {@code
 * cognito.session-encryption-key} (or under another deployment's random key), or altered. Such a session can never
 * be refreshed, so it ends cleanly at once: the request goes on as anonymous, {@link SignedOut} is fired with
 * {@link SignedOut.Reason#SESSION_UNREADABLE}, and the log names the user and the key id, never a token.
 */
@ApplicationScoped
public class UnreadableSessions {

    private static final Logger LOG = Logger.getLogger(UnreadableSessions.class.getName());

    @Inject
    SessionSealer sealer;

    @Inject
    AuthEvents events;

    @Inject
    TokenRevocations revocations;

    @Inject
    @ModuleClock
    Clock clock;

    /**
     * Whether the session's refresh token is sealed with a key still configured, checked without decrypting
     * anything (every signed-in request asks); a session whose key is retired is ended here.
     */
    public boolean readable(HttpSession session, SessionTokens tokens) {
        if (tokens.refreshToken() == null) {
            return true; // nothing sealed
        }
        try {
            sealer.requireKeyOf(tokens.refreshToken());
            return true;
        } catch (SealBrokenException retired) {
            end(session, tokens, retired);
            return false;
        }
    }

    /** Ends {@code session}, whose refresh token {@code broken} says cannot be opened. */
    void end(HttpSession session, SessionTokens tokens, SealBrokenException broken) {
        boolean tampered = broken.reason() == SealBrokenException.Reason.TAMPERED;
        // A retired key is the expected end of a rotation; an altered seal is worth an operator's look.
        LogMessage.SESSION_SEAL_BROKEN.log(LOG, tampered ? Level.WARNING : Level.INFO,
                "Signing {0} out: the refresh token in the session {1}", tokens.username(), broken.getMessage());
        revocations.revokeSession(tokens.accessToken(), tokens.idToken()); // when the check is on
        SessionStore.end(session);
        events.fire(new SignedOut(tokens.username(), false, SignedOut.Reason.SESSION_UNREADABLE,
                PoolJsonWebToken.DEFAULT_POOL, clock.instant()));
    }
}
