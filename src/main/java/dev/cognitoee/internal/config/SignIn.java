package dev.cognitoee.internal.config;

import java.util.Optional;

/** How anonymous browsers sign in ({@code cognito.sign-in}). */
public enum SignIn {
    /** The application's own page ({@code cognito.login-page}) posting to {@code j_security_check}. */
    FORM("form"),
    /** Cognito's hosted UI (managed login): the authorization code flow with PKCE. */
    HOSTED_UI("hosted-ui");

    private final String value;

    SignIn(String value) {
        this.value = value;
    }

    /** The value as configured. */
    public String value() {
        return value;
    }

    /** The mode configured as {@code value}, if any. */
    public static Optional<SignIn> fromValue(String value) {
        for (SignIn mode : values()) {
            if (mode.value.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
