package dev.cognitoee.internal.srp;

import java.util.Arrays;

/**
 * HKDF-SHA256 (RFC 5869) for an output no longer than one hash: one extract step and one expand block, each an
 * HMAC-SHA256 of the JDK. Written on the JDK's HMAC rather than a library's HKDF because JDK 17, the module's
 * floor, has none ({@code javax.crypto.KDF} arrives with JDK 25), and two HMACs do not justify putting Bouncy
 * Castle on every application's class path. {@code SrpAgainstAwsClientTest} checks the output against AWS's client.
 */
final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * The first {@code length} bytes of HKDF-SHA256.
     *
     * @param salt             the extract step's salt (HMAC key)
     * @param inputKeyMaterial the secret to derive from
     * @param info             the context of the derived key
     * @param length           1 to 32 bytes
     */
    static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        if (length < 1 || length > HASH_LENGTH) {
            throw new IllegalArgumentException("one expand block gives 1 to 32 bytes, not " + length);
        }
        byte[] pseudoRandomKey = Digests.hmacSha256(salt, inputKeyMaterial);
        byte[] firstBlock = Digests.hmacSha256(pseudoRandomKey, info, new byte[] {1});
        return Arrays.copyOf(firstBlock, length);
    }
}
