package dev.cognitoee;

/**
 * {@link JWT#decodeJWT(String)} was given something that is not a compact JWT. The message says what is wrong
 * (which part, and why) and never contains the input, which may be a real token: it is safe to log.
 */
public class MalformedJwtException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A malformed token.
     *
     * @param reason what is wrong with it, without any of its text
     */
    public MalformedJwtException(String reason) {
        super(reason);
    }
}
