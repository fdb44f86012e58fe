package dev.cognitoee.internal.seal;

/**
 * What a sealed value is. The purpose is bound into each seal as associated data, so that a value sealed as one
 * thing cannot be opened as another (a challenge session put where a refresh token is expected, say).
 */
public enum Purpose {

    /** A session's Cognito refresh token. */
    REFRESH_TOKEN("refresh-token"),
    /** Cognito's {@code Session} string of a sign-in waiting for a challenge answer. */
    CHALLENGE_SESSION("challenge-session"),
    /** A refresh's new tokens, handed to the other nodes of a cluster through the grid. */
    GRID_REFRESH_HAND_OFF("grid-refresh-hand-off"),
    /** An identity's AWS credentials, shared with the other nodes of a cluster through the grid. */
    GRID_CREDENTIALS("grid-credentials"),
    /** A remembered device's keys and password, kept server-side (per node or in the grid) behind a handle. */
    REMEMBERED_DEVICE("remembered-device");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    /** The name bound into the associated data; never changed once released, or older seals stop opening. */
    String label() {
        return label;
    }
}
