package dev.cognitoee.testkit;

/**
 * What is wrong with a deliberately bad token ({@link TokenBuilder#flaw(TokenFlaw)}), so that an application can
 * test that each is refused with 401. Every flawed token is otherwise the valid token the builder describes.
 */
public enum TokenFlaw {

    /** Issued two hours ago and expired an hour ago, well beyond any clock skew. */
    EXPIRED("expired an hour ago"),
    /** The {@code iss} of another user pool of the same region. */
    WRONG_ISSUER("issued by another user pool"),
    /** Issued to another app client: {@code client_id} of an access token, {@code aud} of an id token. */
    WRONG_CLIENT("issued to another app client"),
    /** The other kind of token of the same user: an id token where an access token was asked for, and back. */
    WRONG_TOKEN_USE("the other token_use"),
    /**
     * {@code "alg":"none"} under the pool's kid, with a genuine signature left in place (the classic attack on a
     * verifier that trusts the header's algorithm).
     */
    ALG_NONE("alg none"),
    /** HS256, keyed with the bytes of the pool's public RSA key (the key-confusion attack), under the pool's kid. */
    HS256_WITH_PUBLIC_KEY("HS256 keyed with the pool's public key"),
    /** RS256 with a key whose kid the pool does not publish. */
    UNKNOWN_KEY("signed with a key the pool does not publish"),
    /** RS256 under the pool's kid, but signed with another key: the signature does not verify. */
    BAD_SIGNATURE("signed with another key under the pool's kid");

    private final String description;

    TokenFlaw(String description) {
        this.description = description;
    }

    /**
     * A short description, for test names and messages.
     *
     * @return what is wrong with the token
     */
    public String description() {
        return description;
    }
}
