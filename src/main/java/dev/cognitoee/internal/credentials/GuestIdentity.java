package dev.cognitoee.internal.credentials;

import jakarta.servlet.http.HttpSession;

/** The identity id of a session's guest, kept in the HTTP session so that the guest keeps one identity. */
final class GuestIdentity {

    static final String ATTRIBUTE = "dev.cognitoee.credentials.guestIdentityId";

    private GuestIdentity() {
    }

    /** The guest identity id of {@code session}, or null (none yet, or the session is invalidated). */
    static String of(HttpSession session) {
        try {
            return (String) session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Keeps {@code identityId} for the session's guest; written once, when it changes. */
    static void remember(HttpSession session, String identityId) {
        if (identityId != null && !identityId.equals(of(session))) {
            session.setAttribute(ATTRIBUTE, identityId);
        }
    }
}
