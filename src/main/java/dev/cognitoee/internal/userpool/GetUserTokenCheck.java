package dev.cognitoee.internal.userpool;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.token.RevocationCheckUnavailableException;
import dev.cognitoee.internal.token.UserPoolTokenCheck;
import java.util.EnumSet;
import java.util.Set;

/**
 * Asks Cognito whether it still honours an access token by calling GetUser with it. Cognito refuses the token of a
 * session that was signed out globally or revoked and of a user who was deleted or disabled
 * ({@code NotAuthorizedException}, {@code UserNotFoundException}), and of a user who must reset their password or
 * is not confirmed. Anything else (Cognito unreachable, throttling, its own failures) is not an answer.
 */
public final class GetUserTokenCheck implements UserPoolTokenCheck {

    private static final Set<AuthError> REFUSALS = EnumSet.of(AuthError.NOT_AUTHORIZED, AuthError.USER_NOT_FOUND,
            AuthError.PASSWORD_RESET_REQUIRED, AuthError.USER_NOT_CONFIRMED);

    private final UserPoolClient userPool;

    public GetUserTokenCheck(UserPoolClient userPool) {
        this.userPool = userPool;
    }

    @Override
    public boolean honours(String accessToken) throws RevocationCheckUnavailableException {
        try {
            userPool.getUser(accessToken);
            return true;
        } catch (CognitoAuthException e) {
            if (REFUSALS.contains(e.error())) {
                return false;
            }
            // Cognito's text goes to the server log only (the mechanism logs this message; the client sees a 503).
            throw new RevocationCheckUnavailableException("Cognito's GetUser did not answer the revocation check ("
                    + e.error() + (e.cognitoErrorCode() == null ? "" : ", " + e.cognitoErrorCode()) + "): "
                    + e.getMessage(), e);
        }
    }
}
