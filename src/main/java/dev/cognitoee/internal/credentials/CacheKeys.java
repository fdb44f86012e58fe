package dev.cognitoee.internal.credentials;

import dev.cognitoee.spi.CredentialsRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache keys of callers ({@link CredentialsRequest#cacheKey()}). A user is the pair of its issuer and its
 * {@code sub}: immutable, unlike a username, which a deleted and recreated user gets back with a new {@code sub}
 * (and must not inherit the old user's credentials).
 */
final class CacheKeys {

    private CacheKeys() {
    }

    /** The key of user {@code sub} of the pool {@code issuer}. */
    static String user(String issuer, String sub) {
        return "user:" + issuer + "#" + sub;
    }

    /** The key of a caller known only by federated logins (provider to token): a digest, never the tokens. */
    static String federated(Map<String, String> logins) {
        String canonical = new TreeMap<>(logins).toString(); // the same logins give the same key, in any order
        try {
            return "federated:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The key of the guest of HTTP session {@code sessionId}. */
    static String guest(String sessionId) {
        return "guest:" + sessionId;
    }
}
