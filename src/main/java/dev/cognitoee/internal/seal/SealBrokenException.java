package dev.cognitoee.internal.seal;

/**
 * A sealed value cannot be opened. Its message names the key id and the reason, never the value.
 */
public final class SealBrokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a sealed value cannot be opened. */
    public enum Reason {
        /** Its key is no longer in {@code cognito.session-encryption-key} (or was this deployment's random key). */
        RETIRED_KEY,
        /**
         * The key is known but the value does not authenticate: altered ciphertext, tag or IV, or a value sealed
         * for another purpose.
         */
        TAMPERED
    }

    private final Reason reason;
    private final String keyId;

    SealBrokenException(Reason reason, String keyId) {
        super(reason == Reason.RETIRED_KEY
                ? "sealed with the key '" + printable(keyId) + "', which is not configured (retired)"
                : "does not authenticate under the key '" + printable(keyId) + "' (altered, or sealed for another "
                        + "purpose)");
        this.reason = reason;
        this.keyId = printable(keyId);
    }

    /** A key id as it may be logged: a tampered value may name anything, so odd ids are not repeated. */
    private static String printable(String keyId) {
        return keyId.matches("[A-Za-z0-9_.-]{1,40}") ? keyId : "?";
    }

    /** Why it cannot be opened. */
    public Reason reason() {
        return reason;
    }

    /** The id of the key the value names ({@code ?} when it is not a well-formed id). */
    public String keyId() {
        return keyId;
    }
}
