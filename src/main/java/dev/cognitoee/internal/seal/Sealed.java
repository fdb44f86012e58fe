package dev.cognitoee.internal.seal;

import java.io.Serializable;

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

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
