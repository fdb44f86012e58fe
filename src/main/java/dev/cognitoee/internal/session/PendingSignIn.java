package dev.cognitoee.internal.session;

import dev.cognitoee.internal.seal.Sealed;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A sign-in waiting for the answer to a Cognito challenge (new password, MFA code...). Kept server-side in the HTTP
 * session between {@code signIn} and {@code confirmSignIn}; Cognito's session string never leaves the server, and
 * rests sealed (it lets whoever holds it answer the challenge in the user's place).
 *
 * @param username   the username being signed in (Cognito's USER_ID_FOR_SRP when it gives one)
 * @param challenge  the challenge name, e.g. {@code NEW_PASSWORD_REQUIRED}
 * @param session    Cognito's session string for the challenge, sealed as a
 *                   {@link dev.cognitoee.internal.seal.Purpose#CHALLENGE_SESSION}
 * @param parameters the challenge parameters Cognito sent
 * @param formSignIn whether the sign-in came from the form (for the event's method)
 */
record PendingSignIn(String username, String challenge, Sealed session, HashMap<String, String> parameters,
                            boolean formSignIn) implements Serializable {

    private static final long serialVersionUID = 2L;

    public PendingSignIn(String username, String challenge, Sealed session, Map<String, String> parameters,
                         boolean formSignIn) {
        this(username, challenge, session, new HashMap<>(parameters), formSignIn);
    }

    /** The same pending sign-in at its next challenge. */
    public PendingSignIn next(String nextChallenge, Sealed nextSession, Map<String, String> nextParameters) {
        return new PendingSignIn(username, nextChallenge, nextSession, nextParameters, formSignIn);
    }

    @Override
    public String toString() {
        return "PendingSignIn[" + username + ", " + challenge + "]";
    }
}
