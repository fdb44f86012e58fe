package dev.cognitoee;

/**
 * An account operation failed. {@link #error()} says how, for code to branch on; the message is Cognito's (or the
 * Lambda trigger's) and may be shown to the user. It never contains a password, code or token.
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
