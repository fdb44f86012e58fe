package dev.cognitoee.internal.session;

import java.io.Serializable;
import java.time.Instant;

/**
 * The tokens of a signed-in browser session, kept server-side in the HTTP session (never in a cookie or a URL).
 * Serializable so that Payara can replicate the session; replaced as a whole, only when they change.
 *
 * @param username     the Cognito username ({@code username} claim), used for SECRET_HASH on refresh
 * @param accessToken  the access token
 * @param idToken      the id token
 * @param refreshToken the refresh token
 * @param expiresAt    when the first of the access and id tokens expires
 */
public record SessionTokens(String username, String accessToken, String idToken, String refreshToken,
                            Instant expiresAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The same session with refreshed tokens (Cognito returns a new refresh token only when rotation is on). */
    public SessionTokens refreshed(String newAccessToken, String newIdToken, String newRefreshToken,
                                   Instant newExpiresAt) {
        return new SessionTokens(username, newAccessToken, newIdToken,
                newRefreshToken != null ? newRefreshToken : refreshToken, newExpiresAt);
    }

    @Override
    public String toString() {
        return "SessionTokens[" + username + ", expiresAt=" + expiresAt + "]"; // never the tokens
    }
}
