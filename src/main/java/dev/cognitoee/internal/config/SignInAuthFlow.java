package dev.cognitoee.internal.config;

import java.util.Optional;

/**
 * The Cognito authentication flow of a password sign-in ({@code cognito.sign-in.auth-flow}), for the sign-in form
 * and {@code CognitoAuth.signIn} alike. The values are Cognito's (and Amplify's {@code authFlowType}) names.
 */
public enum SignInAuthFlow {
    /** The password goes to Cognito (over TLS); the app client must allow {@code ALLOW_USER_PASSWORD_AUTH}. */
    USER_PASSWORD_AUTH,
    /**
     * Secure Remote Password: the password never leaves the server, Cognito gets a proof of it; the app client must
     * allow {@code ALLOW_USER_SRP_AUTH} (pools whose policy forbids password sign-in).
     */
    USER_SRP_AUTH;

    /** The flow named exactly {@code value}, if any. */
    public static Optional<SignInAuthFlow> fromValue(String value) {
        for (SignInAuthFlow flow : values()) {
            if (flow.name().equals(value)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }
}
