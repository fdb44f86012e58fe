package dev.cognitoee.internal.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys and cache names in the grid: digests, so that nothing secret (a session id, a token) is a key in the grid,
 * and so that two applications on one cluster (other pools, clients or identity pools) never share an entry.
 */
public final class GridKeys {

    private GridKeys() {
    }

    /** The SHA-256 of {@code parts} (each length-prefixed, so that no two lists give the same input), in hex. */
    public static String digest(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The name of the cache {@code what} of the application identified by {@code application} (its pool, clients,
     * identity pool: whatever makes an entry mean the same thing on every node), e.g.
     * {@code cognito-ee.3f2a9c01d4e5b6a7.refresh.results}.
     */
    public static String cacheName(String what, String... application) {
        return "cognito-ee." + digest(application).substring(0, 16) + "." + what;
    }
}
