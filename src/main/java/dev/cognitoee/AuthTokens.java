package dev.cognitoee;

/**
 * The caller's tokens, decoded (Amplify's {@code AuthTokens}): what a {@code dev.cognitoee.spi.TokenProvider} gives
 * and {@link AuthSession#tokens()} carries. Send them on with {@link JWT#compact()}; never log them ({@link
 * #toString()} shows neither).
 *
 * @param accessToken the access token; null only for a caller who has none, i.e. a bearer caller that sent its id
 *                    token ({@code cognito.token-use=id})
 * @param idToken     the id token, or null when the caller has none here (a bearer caller that sent its access
 *                    token)
 */
public record AuthTokens(JWT accessToken, JWT idToken) {

    /**
     * The tokens; at least one is needed.
     *
     * @param accessToken the access token, or null when the caller has only an id token
     * @param idToken     the id token, or null
     * @throws IllegalArgumentException when both are null
     */
    public AuthTokens {
        if (accessToken == null && idToken == null) {
            throw new IllegalArgumentException("AuthTokens need an access token, an id token, or both");
        }
    }

    @Override
    public String toString() {
        return "AuthTokens[accessToken=" + accessToken + ", idToken=" + idToken + "]"; // JWT.toString: no token
    }
}
