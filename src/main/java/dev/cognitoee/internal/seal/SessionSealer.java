package dev.cognitoee.internal.seal;

import dev.cognitoee.internal.config.SessionEncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets that rest outside the JVM's heap (the HTTP session, which Payara serialises into its data grid) with
 * the JDK's AES-GCM: AES-256, a fresh random 96-bit IV for each seal, a 128-bit tag. The associated data binds each
 * seal to its {@link Purpose} and key id, so a seal cannot be opened as something else. The key id travels with the
 * seal: the first configured key seals, any configured key opens, so keys rotate without signing anyone out.
 *
 * <p>Random IVs are safe here well past the module's use: NIST SP 800-38D allows 2<sup>32</sup> seals per key with
 * random 96-bit IVs, and a seal is made only at a sign-in, a refresh or a challenge step.
 *
 * <p>Thread-safe: a {@link Cipher} is made per call (they are not shareable).
 */
public final class SessionSealer {

    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String AAD_PREFIX = "cognito-ee/seal/v1/";

    private final SessionEncryptionKeys keys;
    private final SecureRandom random;

    private SessionSealer(SessionEncryptionKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** A sealer with the configured keys. */
    public static SessionSealer of(SessionEncryptionKeys keys) {
        return new SessionSealer(keys, new SecureRandom());
    }

    /**
     * A sealer with a key of its own, made now from {@link SecureRandom} and never written anywhere: what a single
     * node uses when no key is configured. Its seals open nowhere else, and not after a restart.
     */
    public static SessionSealer withRandomKey() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[SessionEncryptionKeys.KEY_BYTES];
        random.nextBytes(key);
        byte[] id = new byte[4];
        random.nextBytes(id);
        // A random id too: a seal of an earlier run of the module is then "retired", not "tampered".
        return new SessionSealer(SessionEncryptionKeys.of(Map.of("random-" + HexFormat.of().formatHex(id), key)),
                random);
    }

    /** Seals {@code secret} (not null) as a {@code purpose} with the current key. */
    public Sealed seal(Purpose purpose, String secret) {
        String keyId = keys.currentId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), iv, purpose, keyId);
            return new Sealed(keyId, iv, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e); // every Java 17 runtime has it
        }
    }

    /**
     * The secret {@code sealed} holds, which must have been sealed as a {@code purpose}.
     *
     * @throws SealBrokenException when its key is not configured (retired) or it does not authenticate
     */
    public String open(Purpose purpose, Sealed sealed) throws SealBrokenException {
        requireKeyOf(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.key(sealed.keyId()), sealed.iv(), purpose, sealed.keyId());
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SealBrokenException(SealBrokenException.Reason.TAMPERED, sealed.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Checks that the key {@code sealed} names is still configured: a map look-up, no decryption, for the paths that
     * must stay cheap (a signed-in request that does not need the secret). A seal that passes may still fail to
     * open if it was altered.
     *
     * @throws SealBrokenException {@link SealBrokenException.Reason#RETIRED_KEY} when it is not
     */
    public void requireKeyOf(Sealed sealed) throws SealBrokenException {
        if (keys.key(sealed.keyId()) == null) {
            throw new SealBrokenException(SealBrokenException.Reason.RETIRED_KEY, sealed.keyId());
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, Purpose purpose, String keyId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((AAD_PREFIX + purpose.label() + "/" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SessionSealer[" + keys + "]";
    }
}
