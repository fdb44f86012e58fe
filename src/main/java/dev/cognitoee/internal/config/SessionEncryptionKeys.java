package dev.cognitoee.internal.config;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that seal secrets at rest ({@code cognito.session-encryption-key}), by key id, in the order
 * configured: the first one seals, every one opens, so that a key can be rotated in before the old one is retired.
 * The keys never appear in {@link #toString()} or in any message: only their ids do.
 */
public final class SessionEncryptionKeys {

    /** 256 bits: AES-256. */
    public static final int KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final Map<String, SecretKey> byId;
    private final String currentId;

    private SessionEncryptionKeys(LinkedHashMap<String, SecretKey> byId) {
        this.byId = Collections.unmodifiableMap(byId);
        this.currentId = byId.keySet().iterator().next();
    }

    /**
     * Keys given as raw bytes (tests, and the random per-deployment key).
     *
     * @param keys the keys by id, the sealing one first; each {@value #KEY_BYTES} bytes
     * @return the key list
     */
    public static SessionEncryptionKeys of(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        LinkedHashMap<String, SecretKey> byId = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " is not " + KEY_BYTES + " bytes");
            }
            byId.put(id, new SecretKeySpec(key, "AES"));
        });
        return new SessionEncryptionKeys(byId);
    }

    /** The id of the key that seals. */
    public String currentId() {
        return currentId;
    }

    /** The key that seals. */
    public SecretKey current() {
        return byId.get(currentId);
    }

    /** The key of {@code id}, or null when it is not (or no longer) in the list. */
    public SecretKey key(String id) {
        return byId.get(id);
    }

    @Override
    public String toString() {
        return "SessionEncryptionKeys" + byId.keySet(); // the ids, never the keys
    }

    /**
     * Reads {@code id:base64,id:base64,...}. A malformed entry is reported by its position and id only: the part
     * handed to {@code bad} never holds key material, since the reader prints it in the deployment's error.
     */
    static Parser<SessionEncryptionKeys> parser() {
        return (raw, bad) -> {
            LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
            boolean malformed = false;
            String[] entries = raw.split(",");
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].trim();
                if (entry.isEmpty()) {
                    continue; // "k1:...," as lists of other settings allow
                }
                int colon = entry.indexOf(':');
                String id = colon < 0 ? "" : entry.substring(0, colon).trim();
                String shown = "entry " + (i + 1) + (KEY_ID.matcher(id).matches() ? " (" + id + ")" : "");
                if (colon < 0 || !KEY_ID.matcher(id).matches()) {
                    bad.accept(shown, "must be <key id>:<base64 key>, the id of 1 to 32 letters, digits, '_', '-' "
                            + "or '.'");
                    malformed = true;
                    continue;
                }
                byte[] key = decode(entry.substring(colon + 1).trim());
                if (key == null || key.length != KEY_BYTES) {
                    bad.accept(shown, "is not a 256-bit key: it must be " + KEY_BYTES + " bytes in base64 "
                            + "(e.g. `openssl rand -base64 32`)");
                    malformed = true;
                } else if (keys.putIfAbsent(id, key) != null) {
                    bad.accept(shown, "repeats the key id " + id);
                    malformed = true;
                }
            }
            if (!malformed && keys.isEmpty()) {
                bad.accept("", "lists no key");
            }
            return malformed || keys.isEmpty() ? null : of(keys);
        };
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null; // its message quotes the offending character: never passed on
        }
    }
}
