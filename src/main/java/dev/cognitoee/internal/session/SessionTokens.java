package dev.cognitoee.internal.session;

import dev.cognitoee.internal.seal.Sealed;
import java.io.Serializable;
import java.time.Instant;

/**
 * The tokens of a signed-in browser session, kept server-side in the HTTP session (never in a cookie or a URL).
 * Serializable so that Payara can replicate the session; replaced as a whole, only when they change.
 *
 * <p>The refresh token, a credential for weeks, is kept sealed ({@link dev.cognitoee.internal.seal.SessionSealer}):
 * serialised into Payara's data grid it is ciphertext, and it is opened only to refresh or revoke. The access and id
 * tokens, which every signed-in request reads, stay in clear: they expire within the hour (see the README's "Tokens
 * at rest").
 *
 * @param username     the Cognito username ({@code username} claim), used for SECRET_HASH on refresh
 * @param accessToken  the access token
 * @param idToken      the id token
 * @param refreshToken the refresh token, sealed as a {@link dev.cognitoee.internal.seal.Purpose#REFRESH_TOKEN};
 *                     null in the odd case that the token endpoint gave none
 * @param expiresAt    when the first of the access and id tokens expires
 */
public record SessionTokens(String username, String accessToken, String idToken, Sealed refreshToken,
                            Instant expiresAt) implements Serializable {

    private static final long serialVersionUID = 2L;

    /**
     * The same session with refreshed tokens.
     *
     * @param newRefreshToken the refresh token sealed anew: Cognito's new one when refresh-token rotation is on,
     *                        else the same one, sealed with the current key (so that a rotation reaches it)
     */
    public SessionTokens refreshed(String newAccessToken, String newIdToken, Sealed newRefreshToken,
                                   Instant newExpiresAt) {
        return new SessionTokens(username, newAccessToken, newIdToken, newRefreshToken, newExpiresAt);
    }

    @Override
    public String toString() {
        return "SessionTokens[" + username + ", expiresAt=" + expiresAt + "]"; // never the tokens
    }
}
