package dev.cognitoee.internal.srp;

/**
 * A PASSWORD_VERIFIER challenge that the SRP client must refuse to answer: a value is missing or malformed, or it
 * would make the proof worthless ({@code B mod N = 0}, {@code u = 0}: either lets whoever sent it compute the
 * session key without knowing the password). The message names the value, never a secret.
 */
public final class SrpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SrpException(String message) {
        super(message);
    }

    SrpException(String message, Throwable cause) {
        super(message, cause);
    }
}
