package dev.cognitoee.internal.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method, the only one Cognito's hosted UI should be given: the
 * verifier stays on the server, the authorize request carries its SHA-256, and only the holder of the verifier can
 * exchange the code.
 *
 * @param verifier  32 random bytes, base64url without padding (43 characters)
 * @param challenge {@code BASE64URL(SHA-256(ASCII(verifier)))}
 */
record Pkce(String verifier, String challenge) {

    private static final int VERIFIER_BYTES = 32;

    /** A new verifier and its challenge. */
    static Pkce create(SecureRandom random) {
        String verifier = Randoms.base64Url(random, VERIFIER_BYTES);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of {@code verifier}. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[S256]"; // never the verifier
    }
}
