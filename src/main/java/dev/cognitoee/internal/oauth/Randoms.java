package dev.cognitoee.internal.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values of the code flow ({@code state}, {@code nonce}, the PKCE verifier), base64url encoded. */
final class Randoms {

    /** 256 bits: far beyond the 128 bits {@code state} and {@code nonce} need to be unguessable. */
    static final int BYTES = 32;

    private Randoms() {
    }

    static String base64Url(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
