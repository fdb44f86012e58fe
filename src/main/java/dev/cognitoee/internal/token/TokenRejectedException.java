package dev.cognitoee.internal.token;

/** A token failed one of the checks of {@link CognitoTokenVerifier}: the caller's mistake, answered with 401. */
public class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final TokenRejection rejection;

    public TokenRejectedException(TokenRejection rejection) {
        super(rejection.description(), null, false, false); // thrown per bad request: no stack trace to fill
        this.rejection = rejection;
    }

    public TokenRejection rejection() {
        return rejection;
    }
}
