package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignUpResult;
import dev.cognitoee.SignUpStep;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;

/**
 * Amplify's {@code autoSignIn} after a confirmation code: SignUp's {@code Session} goes to ConfirmSignUp, whose own
 * {@code Session} signs the user in through InitiateAuth {@code USER_AUTH} with {@code SESSION}, once. Both session
 * strings stay sealed in the HTTP session of the browser that signed up ({@link PendingAutoSignIn}).
 */
@ApplicationScoped
public class AutoSignIn {

    static final String PENDING = "dev.cognitoee.session.pendingAutoSignIn";

    @Inject
    UserPoolClient userPool;

    @Inject
    SessionSealer sealer;

    @Inject
    SignInFlow signInFlow;

    /** A sign-up with {@code autoSignIn} that waits for its code: SignUp's session is kept for ConfirmSignUp. */
    public void signedUp(HttpServletRequest request, String username, String signUpSession) {
        request.getSession(true).setAttribute(PENDING, new PendingAutoSignIn(username, seal(signUpSession), false));
    }

    /**
     * ConfirmSignUp; for the sign-up pending auto sign-in in this session, with SignUp's session, and then the step
     * is {@link SignUpStep#COMPLETE_AUTO_SIGN_IN} when Cognito gives a session to sign in with.
     */
    public SignUpResult confirmSignUp(HttpServletRequest request, String username, String code,
                                      Map<String, String> clientMetadata) {
        PendingAutoSignIn pending = pending(request);
        boolean ours = pending != null && !pending.confirmed() && pending.username().equals(username);
        String signUpSession = ours ? openQuietly(pending) : null;
        String session = userPool.confirmSignUp(username, code, clientMetadata, signUpSession).session();
        if (!ours) {
            return new SignUpResult(true, null, SignUpStep.DONE, null, false);
        }
        if (session == null) {
            drop(request);
            return new SignUpResult(true, null, SignUpStep.DONE, null, false);
        }
        request.getSession(true).setAttribute(PENDING, new PendingAutoSignIn(username, seal(session), true));
        return new SignUpResult(true, null, SignUpStep.COMPLETE_AUTO_SIGN_IN, null, false);
    }

    /** Signs in the user whose confirmed sign-up waits in this session; its session is used once, whatever comes. */
    public SignInResult autoSignIn(HttpServletRequest request) {
        PendingAutoSignIn pending = pending(request);
        if (pending == null || !pending.confirmed() || pending.session() == null) {
            throw new CognitoAuthException(AuthError.NO_SIGN_IN_IN_PROGRESS,
                    "No confirmed sign-up waits to be signed in in this session: call signUp with autoSignIn, "
                            + "then confirmSignUp");
        }
        String session = open(request, pending);
        drop(request);
        return signInFlow.startSignIn(request, pending.username(), SignInMethod.AUTO_SIGN_IN,
                () -> userPool.autoSignIn(pending.username(), session));
    }

    private static PendingAutoSignIn pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null
                : session.getAttribute(PENDING) instanceof PendingAutoSignIn pending ? pending : null;
    }

    private static void drop(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    private Sealed seal(String cognitoSession) {
        return cognitoSession == null ? null : sealer.seal(Purpose.CHALLENGE_SESSION, cognitoSession);
    }

    /** SignUp's session string, or null when it no longer opens: the code is confirmed without auto sign-in. */
    private String openQuietly(PendingAutoSignIn pending) {
        try {
            return pending.session() == null ? null : sealer.open(Purpose.CHALLENGE_SESSION, pending.session());
        } catch (SealBrokenException e) {
            return null;
        }
    }

    /** The clear session string; one that no longer opens (a retired key) ends the pending auto sign-in. */
    private String open(HttpServletRequest request, PendingAutoSignIn pending) {
        if (pending.session() == null) {
            return null;
        }
        try {
            return sealer.open(Purpose.CHALLENGE_SESSION, pending.session());
        } catch (SealBrokenException e) {
            drop(request);
            throw new CognitoAuthException(AuthError.NO_SIGN_IN_IN_PROGRESS,
                    "The sign-up's auto sign-in can no longer be continued: sign in with the password");
        }
    }
}
