package dev.cognitoee;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The current user's session (Amplify's {@code fetchAuthSession}): whether someone is signed in on this HTTP
 * session, who, and the tokens Cognito issued, for calling other APIs on the user's behalf. Never log the tokens.
 *
 * @param isSignedIn  whether a user is signed in
 * @param username    the Cognito username, else null
 * @param userSub     the user's {@code sub}, else null
 * @param accessToken the access token, else null
 * @param idToken     the id token, else null
 * @param expiresAt   when the tokens expire (they are refreshed before), else null
 * @param identityId  the caller's identity pool identity, when an identity pool is configured, else null
 * @param credentials the caller's temporary AWS credentials, when an identity pool is configured, else null
 * @param tokens      the caller's tokens, decoded, as the token provider in use gives them (Amplify's
 *                    {@code fetchAuthSession().tokens}): by default the same tokens as {@code accessToken} and
 *                    {@code idToken}; an application's own {@code dev.cognitoee.spi.TokenProvider}'s otherwise; null
 *                    when it gives none
 */
public record AuthSession(boolean isSignedIn, String username, String userSub, String accessToken, String idToken,
                          Instant expiresAt, String identityId, AwsSessionCredentials credentials,
                          AuthTokens tokens) {

    /** Nobody signed in, and no guest credentials. */
    public static final AuthSession SIGNED_OUT = new AuthSession(false, null, null, null, null, null, null, null,
            null);

    @Override
    public String toString() {
        return "AuthSession[" + (isSignedIn ? username + ", expiresAt=" + expiresAt : "signed out")
                + (identityId == null ? "" : ", identityId=" + identityId) + "]"; // never the tokens or secrets
    }
}
