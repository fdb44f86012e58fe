package dev.cognitoee.internal.config;

import java.util.Locale;
import java.util.Optional;

/** How much the module checks that a verified token has not been revoked ({@code cognito.revocation-check}). */
public enum RevocationCheck {
    /** No check: a token is good until its {@code exp} (Cognito's own behaviour for access and id tokens). */
    OFF,
    /** Tokens of sessions signed out through {@code CognitoAuth.signOut} on this node are refused. */
    LOCAL,
    /** {@link #LOCAL}, and Cognito's GetUser is asked about each new access token (answer cached for a while). */
    COGNITO;

    /** The mode named {@code value} ({@code off}, {@code local}, {@code cognito}; any case). */
    public static Optional<RevocationCheck> fromValue(String value) {
        for (RevocationCheck check : values()) {
            if (check.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }
}
