package dev.cognitoee;

/**
 * The signed-in user, as Amplify's {@code getCurrentUser} describes it.
 *
 * @param username the user's Cognito username (the access token's {@code username}, the id token's
 *                 {@code cognito:username}): not necessarily what the user typed to sign in, which may be an alias
 * @param userId   the user's {@code sub}: immutable and unique in the pool, the id to key application data on
 */
public record AuthUser(String username, String userId) {
}
