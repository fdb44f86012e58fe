package dev.cognitoee.testing;

import dev.cognitoee.internal.config.SessionEncryptionKeys;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sealer of unit tests (one fixed key, {@code test}), and sealed values made with it. */
public final class Sealers {

    /** Seals with the key {@code test}. */
    public static final SessionSealer TEST = SessionSealer.of(SessionEncryptionKeys.of(Map.of("test",
            new byte[SessionEncryptionKeys.KEY_BYTES])));

    private Sealers() {
    }

    /** A sealer in the middle of a rotation: the key {@code newKeyId} seals, and {@code test} still opens. */
    public static SessionSealer rotatingTo(String newKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        byte[] newKey = new byte[SessionEncryptionKeys.KEY_BYTES];
        Arrays.fill(newKey, (byte) 7);
        keys.put(newKeyId, newKey);
        keys.put("test", new byte[SessionEncryptionKeys.KEY_BYTES]);
        return SessionSealer.of(SessionEncryptionKeys.of(keys));
    }

    /** {@code refreshToken} sealed with {@link #TEST}. */
    public static Sealed refreshToken(String refreshToken) {
        return TEST.seal(Purpose.REFRESH_TOKEN, refreshToken);
    }

    /** The refresh token {@code sealed} holds, opened with {@link #TEST}. */
    public static String open(Sealed sealed) {
        try {
            return TEST.open(Purpose.REFRESH_TOKEN, sealed);
        } catch (SealBrokenException e) {
            throw new AssertionError(e);
        }
    }
}
