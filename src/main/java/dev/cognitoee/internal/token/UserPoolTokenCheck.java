package dev.cognitoee.internal.token;

/**
 * Asks the user pool whether it still honours an access token (Cognito's GetUser): the only way to learn of a
 * global sign-out, a revoked session or a deleted user from another application or device before the token's
 * {@code exp}. Implemented in {@code dev.cognitoee.userpool}, which the token package does not depend on.
 */
@FunctionalInterface
public interface UserPoolTokenCheck {

    /**
     * @param accessToken a verified access token (never logged)
     * @return true if the pool honours it, false if it refuses it (revoked, signed out, user deleted or disabled)
     * @throws RevocationCheckUnavailableException the pool cannot answer now
     */
    boolean honours(String accessToken) throws RevocationCheckUnavailableException;
}
