package dev.cognitoee.internal.seal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;

/**
 * A secret sealed by a {@link SessionSealer}: what the HTTP session (and anything else that serialises it) holds
 * instead of the secret. Holds no key and no clear text.
 *
 * @param keyId      the id of the key it was sealed with ({@code cognito.session-encryption-key})
 * @param iv         the 96-bit initialisation vector, random for each seal
 * @param ciphertext the AES-GCM ciphertext followed by its 128-bit tag
 */
public record Sealed(String keyId, byte[] iv, byte[] ciphertext) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the shape (deserialisation goes through this constructor too) and copies the arrays. */
    public Sealed {
        if (keyId == null || iv == null || ciphertext == null || iv.length != SessionSealer.IV_BYTES
                || ciphertext.length < SessionSealer.TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value");
        }
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** Equal when key id, IV and ciphertext are (a record compares arrays by identity otherwise). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(iv, that.iv)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    /**
     * The seal as one line of text, for stores that keep strings (the cluster's grid): the key id (which never holds
     * a colon), a colon, and the IV followed by the ciphertext in base64url.
     */
    public String toText() {
        byte[] ivAndCiphertext = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, ivAndCiphertext, 0, iv.length);
        System.arraycopy(ciphertext, 0, ivAndCiphertext, iv.length, ciphertext.length);
        return keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(ivAndCiphertext);
    }

    /**
     * The seal {@link #toText()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not one
     */
    public static Sealed fromText(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] ivAndCiphertext = Base64.getUrlDecoder().decode(text.substring(colon + 1));
        if (ivAndCiphertext.length < SessionSealer.IV_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return new Sealed(text.substring(0, colon), Arrays.copyOf(ivAndCiphertext, SessionSealer.IV_BYTES),
                Arrays.copyOfRange(ivAndCiphertext, SessionSealer.IV_BYTES, ivAndCiphertext.length));
    }

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
