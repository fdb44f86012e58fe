package dev.cognitoee.internal.token;

/**
 * Why a token was refused. The description is fixed text (never a claim value or a piece of the token), safe to
 * send in {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."} and to log.
 */
public enum TokenRejection {
    EMPTY("the bearer token is empty"),
    TOO_LONG("the token is longer than any Cognito token"),
    MALFORMED("the token is not a well-formed JWT"),
    ALGORITHM_NOT_ACCEPTED("the token is not signed with RS256"),
    NO_KEY_ID("the token header has no kid"),
    CRITICAL_HEADER("the token header has critical parameters this verifier does not support"),
    UNKNOWN_KEY_ID("the token is signed with a key the user pool does not publish"),
    BAD_SIGNATURE("the token signature is invalid"),
    UNTRUSTED_ISSUER("the token was issued by an untrusted issuer"),
    WRONG_ISSUER("the token was issued by another issuer"),
    WRONG_TOKEN_USE("the token has the wrong token_use for this application"),
    WRONG_CLIENT("the token was issued to another app client"),
    WRONG_AUDIENCE("the token was issued to another audience"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    ISSUED_IN_FUTURE("the token was issued in the future"),
    MISSING_CLAIM("the token lacks a required claim"),
    MALFORMED_CLAIM("a claim of the token has the wrong type"),
    REVOKED("the token has been revoked"),
    REVOCATION_SCOPE_MISSING("the token lacks the aws.cognito.signin.user.admin scope the revocation check needs");

    private final String description;

    TokenRejection(String description) {
        this.description = description;
    }

    /** A short human-readable reason, without any part of the token. */
    public String description() {
        return description;
    }
}
