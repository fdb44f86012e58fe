package dev.cognitoee.internal.token;

/**
 * The pool's signing keys could not be obtained: none has been fetched yet, and the JWKS endpoint failed just
 * now or moments ago, or another request is fetching them at this moment (requests do not queue up behind it).
 * Not the caller's fault: the mechanism answers 503 with Retry-After.
 */
public class SigningKeysUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public SigningKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
