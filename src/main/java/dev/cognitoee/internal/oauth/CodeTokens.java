package dev.cognitoee.internal.oauth;

/**
 * The tokens {@code /oauth2/token} returned for a code, not verified yet.
 *
 * @param accessToken  the access token
 * @param idToken      the id token
 * @param refreshToken the refresh token
 */
record CodeTokens(String accessToken, String idToken, String refreshToken) {

    @Override
    public String toString() {
        return "CodeTokens[...]"; // never the tokens
    }
}
