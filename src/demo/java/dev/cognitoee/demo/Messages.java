package dev.cognitoee.demo;

import dev.cognitoee.AuthError;
import java.util.Map;

/**
 * What the pages say for the error and notice codes in their query strings. Only known codes are shown: a page never
 * echoes what a link put in its URL.
 */
final class Messages {

    private static final Map<String, String> NOTICES = Map.of(
            "signed-up", "Your account is confirmed: sign in.",
            "password-reset", "Your password is changed: sign in with the new one.",
            "signed-out", "You are signed out.",
            "code-sent", "A code is on its way.",
            "totp-verified", "Your authenticator app is set up: turn it on below.",
            "mfa-updated", "Your two-step sign-in settings are saved.",
            "passkey-added", "Your passkey is registered.",
            "passkey-deleted", "The passkey is deleted.");

    private Messages() {
    }

    /** The text for an {@link AuthError} name, or null. */
    static String error(String code) {
        if (code == null) {
            return null;
        }
        AuthError error;
        try {
            error = AuthError.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (error) {
            case NOT_AUTHORIZED, USER_NOT_FOUND -> "Incorrect username or password.";
            case USER_NOT_CONFIRMED -> "This account is not confirmed yet: enter the code you were sent.";
            case PASSWORD_RESET_REQUIRED -> "You must reset your password.";
            case CODE_MISMATCH -> "That code is not right. Try again.";
            case CODE_EXPIRED -> "That code has expired: ask for a new one.";
            case USERNAME_EXISTS -> "That username is taken.";
            case INVALID_PASSWORD -> "That password does not meet the pool's password policy.";
            case INVALID_PARAMETER -> "Please fill in every field.";
            case LIMIT_EXCEEDED, TOO_MANY_REQUESTS, TOO_MANY_FAILED_ATTEMPTS -> "Too many attempts: wait a little.";
            case NO_SIGN_IN_IN_PROGRESS -> "Your sign-in timed out: start again.";
            case SERVICE_UNAVAILABLE -> "Cognito cannot be reached right now: try again shortly.";
            default -> "That did not work (" + error.name() + ").";
        };
    }

    /** The text for a notice code, or null. */
    static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }
}
