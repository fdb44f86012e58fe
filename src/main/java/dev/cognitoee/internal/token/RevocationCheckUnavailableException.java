package dev.cognitoee.internal.token;

/**
 * Cognito could not be asked whether a token is still honoured ({@code cognito.revocation-check=cognito}): the
 * token cannot be judged now. A kind of {@link SigningKeysUnavailableException} so that every caller of the
 * verifier already answers it as such, with 503 and never with an accept.
 */
public class RevocationCheckUnavailableException extends SigningKeysUnavailableException {

    private static final long serialVersionUID = 1L;

    public RevocationCheckUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
