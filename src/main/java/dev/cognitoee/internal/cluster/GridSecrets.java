package dev.cognitoee.internal.cluster;

/**
 * The one place where a secret value (refresh tokens handed from node to node, AWS credentials) goes into the grid
 * and comes out of it. Today it passes the value as it is: the grid keeps it in memory on the cluster's members,
 * like the replicated HTTP sessions. Sealing with the module's AES-GCM session key ({@code
 * cognito.session-encryption-key}) belongs here: {@link #seal} encrypts, {@link #open} decrypts, and a value that
 * does not open reads as absent.
 */
public final class GridSecrets {

    private GridSecrets() {
    }

    /** {@code plain} as it is stored in the grid. */
    public static String seal(String plain) {
        return plain;
    }

    /** The value a {@link #seal} gave, or null when it cannot be read (then the entry counts as absent). */
    public static String open(String sealed) {
        return sealed;
    }
}
