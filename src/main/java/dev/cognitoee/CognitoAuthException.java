package dev.cognitoee;

/**
 * An account operation failed. {@link #error()} says how, for code to branch on. The message may be shown to the
 * user: a fixed text per error, except for a Lambda trigger's refusal (the trigger's own message) and the password
 * policy (Cognito's description of it). What Cognito or the network said otherwise (hosts, client ids, whether a user
 * exists) is logged on the server, never put in the message. It never contains a password, code or token.
 */
public class CognitoAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthError error;
    private final String cognitoErrorCode;

    public CognitoAuthException(AuthError error, String message) {
        this(error, null, message, null);
    }

    public CognitoAuthException(AuthError error, String cognitoErrorCode, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.cognitoErrorCode = cognitoErrorCode;
    }

    /** The typed outcome. */
    public AuthError error() {
        return error;
    }

    /** Cognito's own error code (e.g. {@code CodeMismatchException}), or null when the error is the module's. */
    public String cognitoErrorCode() {
        return cognitoErrorCode;
    }
}
