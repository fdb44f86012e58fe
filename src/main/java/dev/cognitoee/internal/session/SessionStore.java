package dev.cognitoee.internal.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where the module keeps its state in the HTTP session. Every attribute is {@code Serializable} and is written only
 * when it changes (sign-in, challenge, refresh, sign-out), so that clustered Payara replicates little.
 */
public final class SessionStore {

    static final String TOKENS = "dev.cognitoee.session.tokens";
    static final String PENDING_SIGN_IN = "dev.cognitoee.session.pendingSignIn";
    static final String SAVED_REQUEST = "dev.cognitoee.session.savedRequest";
    static final String HOSTED_UI = "dev.cognitoee.session.hostedUi";

    private SessionStore() {
    }

    /** The tokens of the request's session, or null when nobody is signed in on it. Creates no session. */
    public static SessionTokens tokens(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : tokens(session);
    }

    public static SessionTokens tokens(HttpSession session) {
        try {
            return (SessionTokens) session.getAttribute(TOKENS);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /**
     * Makes the request a signed-in one, in a new session: a session that existed before is invalidated, so that
     * nothing of its previous caller (federated logins, a guest identity, application state) carries over to the
     * new one, and the new session has a new id (against session fixation). Only the page the browser asked for
     * before signing in is kept.
     */
    public static void signIn(HttpServletRequest request, SessionTokens tokens) {
        HttpSession existing = request.getSession(false);
        String savedRequest = null;
        if (existing != null) {
            try {
                savedRequest = (String) existing.getAttribute(SAVED_REQUEST);
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing to carry over
            }
            end(existing);
        }
        HttpSession session = request.getSession(true);
        if (savedRequest != null) {
            session.setAttribute(SAVED_REQUEST, savedRequest);
        }
        session.setAttribute(TOKENS, tokens);
    }

    /** Notes that the request's (new) session was signed in through the hosted UI: sign-out then ends Cognito's too. */
    static void markHostedUi(HttpServletRequest request) {
        request.getSession(true).setAttribute(HOSTED_UI, Boolean.TRUE);
    }

    /** Whether the request's session was signed in through the hosted UI. Creates no session. */
    public static boolean signedInThroughHostedUi(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        try {
            return session != null && Boolean.TRUE.equals(session.getAttribute(HOSTED_UI));
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /**
     * Replaces the tokens after a refresh.
     *
     * @return false when the session was invalidated meanwhile (a concurrent sign-out): nothing is stored
     */
    static boolean replaceTokens(HttpSession session, SessionTokens tokens) {
        try {
            session.setAttribute(TOKENS, tokens);
            return true;
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /** Ends the request's session, if any. */
    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            end(session);
        }
    }

    static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // nothing left to end
        }
    }

    public static PendingSignIn pendingSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PendingSignIn) session.getAttribute(PENDING_SIGN_IN);
    }

    public static void pendingSignIn(HttpServletRequest request, PendingSignIn pending) {
        request.getSession(true).setAttribute(PENDING_SIGN_IN, pending);
    }

    /** Forgets the request's pending sign-in (one that can no longer be continued). */
    static void dropPendingSignIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING_SIGN_IN);
        }
    }

    /** Remembers the page an anonymous browser asked for, to return to it after sign-in. */
    public static void saveRequest(HttpServletRequest request, String url) {
        request.getSession(true).setAttribute(SAVED_REQUEST, url);
    }

    /** The remembered page, removed from the session, or null. */
    public static String takeSavedRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        String url = (String) session.getAttribute(SAVED_REQUEST);
        if (url != null) {
            session.removeAttribute(SAVED_REQUEST);
        }
        return url;
    }
}
