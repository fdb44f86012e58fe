package dev.cognitoee.internal.srp;

import static dev.cognitoee.internal.srp.CognitoSrpGroup.G;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.N;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.bytes;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.hashToInteger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A device's secret, drawn when Cognito hands out a new device (its {@code NewDeviceMetadata}): a random password,
 * and the SRP salt and verifier over it that ConfirmDevice gives Cognito ({@code DeviceSecretVerifierConfig}).
 * Cognito's device variant of SRP is the user variant with the pool name replaced by the device group key and the
 * user name by the device key: {@code x = H(salt | H(DeviceGroupKey | DeviceKey | ":" | password))},
 * {@code verifier = g^x mod N} (AWS's {@code AuthenticationHelper.generateHashDevice}). The password stays on the
 * server; Cognito gets only the salt and the verifier.
 *
 * @param password the device password (40 random bytes, Base64, as AWS's clients draw it)
 * @param salt     {@code Salt} of the verifier config: Base64 of the salt's Cognito bytes
 * @param verifier {@code PasswordVerifier} of the verifier config: Base64 of {@code g^x mod N}'s Cognito bytes
 */
public record DeviceSecret(String password, String salt, String verifier) {

    private static final int PASSWORD_BYTES = 40;
    private static final int SALT_BYTES = 16;

    /** A new secret for the device {@code deviceKey} of the group {@code deviceGroupKey}. */
    public static DeviceSecret generate(String deviceGroupKey, String deviceKey, SecureRandom random) {
        byte[] password = new byte[PASSWORD_BYTES];
        random.nextBytes(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return of(deviceGroupKey, deviceKey, Base64.getEncoder().encodeToString(password), new BigInteger(1, salt));
    }

    /** The secret of {@code password} with {@code salt}: what {@link #generate} draws, fixed (tests). */
    static DeviceSecret of(String deviceGroupKey, String deviceKey, String password, BigInteger salt) {
        byte[] identityHash = Digests.sha256((deviceGroupKey + deviceKey + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        BigInteger x = hashToInteger(bytes(salt), identityHash);
        Base64.Encoder base64 = Base64.getEncoder();
        return new DeviceSecret(password, base64.encodeToString(bytes(salt)),
                base64.encodeToString(bytes(G.modPow(x, N))));
    }

    @Override
    public String toString() {
        return "DeviceSecret[password=(hidden)]";
    }
}
