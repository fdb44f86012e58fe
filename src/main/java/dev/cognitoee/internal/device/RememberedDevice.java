package dev.cognitoee.internal.device;

/**
 * A device of a user as the server keeps it, behind the opaque handle of its browser's cookie: Cognito's keys for it
 * and the device password that answers its DEVICE_SRP_AUTH challenge. None of it ever reaches the browser.
 *
 * @param owner          the user it belongs to: issuer and {@code sub} ({@link #ownerOf}), never a user name
 * @param username       Cognito's user name ({@code username} claim), to send the device only with that user's
 *                       sign-in
 * @param typedName      the name the user typed at the sign-in that made the device (an alias, perhaps)
 * @param deviceKey      Cognito's {@code DeviceKey}
 * @param deviceGroupKey Cognito's {@code DeviceGroupKey}
 * @param password       the device password the verifier was made from
 */
public record RememberedDevice(String owner, String username, String typedName, String deviceKey,
                               String deviceGroupKey, String password) {

    /** The owner key of the user {@code sub} of the pool {@code issuer}. */
    public static String ownerOf(String issuer, String sub) {
        return issuer + "|" + sub;
    }

    /** True when a sign-in typed as {@code name} is this device's user's (Cognito's user names ignore case). */
    boolean isFor(String name) {
        return name != null && (name.equalsIgnoreCase(username) || name.equalsIgnoreCase(typedName));
    }

    /** True when every part is there (an entry written by this version of the module). */
    boolean isComplete() {
        return owner != null && username != null && typedName != null && deviceKey != null
                && deviceGroupKey != null && password != null;
    }

    @Override
    public String toString() {
        return "RememberedDevice[" + deviceKey + ", password=(hidden)]";
    }
}
