package dev.cognitoee.event;

import java.time.Instant;

/**
 * A user's session ended.
 *
 * @param username the Cognito username
 * @param global   whether the user was signed out of every device (GlobalSignOut)
 * @param reason   why the session ended
 * @param pool     the pool of the user ({@code "default"} for a session; a bearer caller's own pool)
 * @param at       when
 */
public record SignedOut(String username, boolean global, Reason reason, String pool, Instant at) {

    /** Why a session ended. */
    public enum Reason {
        /** The application called {@code signOut}. */
        SIGN_OUT,
        /** Cognito refused to refresh the session's tokens (refresh token expired or revoked). */
        REFRESH_REFUSED,
        /**
         * The session's encrypted refresh token cannot be decrypted: it was written under a key since retired from
         * {@code cognito.session-encryption-key} (or under the random key of an earlier run), or it was altered.
         */
        SESSION_UNREADABLE,
        /** The user deleted their account ({@code deleteUser}). */
        USER_DELETED
    }
}
