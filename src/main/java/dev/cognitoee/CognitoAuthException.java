package dev.cognitoee;

/**
 * An account operation failed. {@link #error()} says how, for code to branch on. The message may be shown to the
 * user: a fixed text per error, except for a Lambda trigger's refusal (the trigger's own message) and the password
 * policy (Cognito's description of it). What Cognito or the network said otherwise (hosts, client ids, whether a user
 * exists) is logged on the server, never put in the message. It never contains a password, code or token.
 */
public class CognitoAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The typed outcome. */
    private final AuthError error;
    /** Cognito's own error code, or null. */
    private final String cognitoErrorCode;

    /**
     * A failure of the module's own.
     *
     * @param error   the typed outcome
     * @param message what may be shown to the user
     */
    public CognitoAuthException(AuthError error, String message) {
        this(error, null, message, null);
    }

    /**
     * A failure, as Cognito reported it.
     *
     * @param error            the typed outcome
     * @param cognitoErrorCode Cognito's own error code (e.g. {@code CodeMismatchException}), or null
     * @param message          what may be shown to the user
     * @param cause            what was caught, or null
     */
    public CognitoAuthException(AuthError error, String cognitoErrorCode, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.cognitoErrorCode = cognitoErrorCode;
    }

    /**
     * The typed outcome.
     *
     * @return how the operation failed
     */
    public AuthError error() {
        return error;
    }

    /**
     * Cognito's own error code.
     *
     * @return e.g. {@code CodeMismatchException}, or null when the error is the module's
     */
    public String cognitoErrorCode() {
        return cognitoErrorCode;
    }
}
