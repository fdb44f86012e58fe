package dev.cognitoee.internal.session;

import dev.cognitoee.internal.seal.Sealed;
import java.io.Serializable;

/**
 * A sign-up that asked to be signed in once confirmed, kept server-side in the HTTP session between {@code signUp},
 * {@code confirmSignUp} and {@code autoSignIn}. Cognito's session strings never leave the server and rest sealed as
 * {@link dev.cognitoee.internal.seal.Purpose#CHALLENGE_SESSION}: whoever holds ConfirmSignUp's can sign the user in.
 *
 * @param username  the user signing up
 * @param session   SignUp's session (before confirmation) or ConfirmSignUp's (after), sealed; null when Cognito gave
 *                  none
 * @param confirmed whether {@code confirmSignUp} succeeded, so that {@code autoSignIn} may use the session
 */
record PendingAutoSignIn(String username, Sealed session, boolean confirmed) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "PendingAutoSignIn[" + username + (confirmed ? ", confirmed]" : "]");
    }
}
