package dev.cognitoee.token;

/**
 * The pool's signing keys could not be obtained (the JWKS endpoint is unreachable and nothing is cached yet).
 * Not the caller's fault: the mechanism answers 503.
 */
public class SigningKeysUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public SigningKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
