package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A device's secret: Cognito's device variant of the SRP verifier, and what the browser must never see. */
class DeviceSecretTest {

    private static final String GROUP_KEY = "-Yz8wLm2Qa";
    private static final String DEVICE_KEY = "eu-west-1_0f3b8c52-1d2e-4a7b-9c0d-5e6f7a8b9c0d";

    @Test
    void theVerifierIsGToTheHashOfSaltAndGroupKeyDeviceKeyPassword() throws Exception {
        // A salt whose first bit is set: Cognito hashes it with a zero byte in front.
        BigInteger salt = new BigInteger("f1e2d3c4b5a697887766554433221100", 16);

        DeviceSecret secret = DeviceSecret.of(GROUP_KEY, DEVICE_KEY, "the-device-password", salt);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] inner = sha256.digest((GROUP_KEY + DEVICE_KEY + ":the-device-password")
                .getBytes(StandardCharsets.UTF_8));
        byte[] saltBytes = new byte[17]; // 0x00 then the 16 bytes
        System.arraycopy(HexFormat.of().parseHex("f1e2d3c4b5a697887766554433221100"), 0, saltBytes, 1, 16);
        sha256.update(saltBytes);
        BigInteger x = new BigInteger(1, sha256.digest(inner));
        BigInteger expected = BigInteger.TWO.modPow(x, CognitoSrpGroup.N);
        assertThat(new BigInteger(1, Base64.getDecoder().decode(secret.verifier()))).isEqualTo(expected);
        assertThat(Base64.getDecoder().decode(secret.salt())).hasSize(17).startsWith(0);
        assertThat(new BigInteger(1, Base64.getDecoder().decode(secret.salt()))).isEqualTo(salt);
    }

    @Test
    void eachDeviceGetsItsOwnPasswordAndSalt() {
        SecureRandom random = new SecureRandom();
        DeviceSecret one = DeviceSecret.generate(GROUP_KEY, DEVICE_KEY, random);
        DeviceSecret two = DeviceSecret.generate(GROUP_KEY, DEVICE_KEY, random);

        assertThat(one.password()).isNotEqualTo(two.password());
        assertThat(one.salt()).isNotEqualTo(two.salt());
        assertThat(Base64.getDecoder().decode(one.password())).hasSize(40);
        assertThat(one.toString()).doesNotContain(one.password()).doesNotContain(one.verifier());
    }

    @Test
    void aDeviceChallengeNamesTheDeviceInTheUsersPlace() {
        PasswordVerifierChallenge challenge = PasswordVerifierChallenge.ofDevice(Map.of("SRP_B", "ab12",
                "SALT", "0f", "SECRET_BLOCK", "YmxvY2s="), DEVICE_KEY);

        assertThat(challenge.userIdForSrp()).isEqualTo(DEVICE_KEY);
        assertThat(challenge.serverPublic()).isEqualTo(new BigInteger("ab12", 16));
        assertThatThrownBy(() -> PasswordVerifierChallenge.ofDevice(Map.of("SALT", "0f",
                "SECRET_BLOCK", "YmxvY2s="), DEVICE_KEY)).isInstanceOf(SrpException.class).hasMessageContaining("SRP_B");
        assertThatThrownBy(() -> PasswordVerifierChallenge.ofDevice(Map.of("SRP_B", "ab12", "SALT", "0f",
                "SECRET_BLOCK", "not base64!"), DEVICE_KEY)).isInstanceOf(SrpException.class);
    }
}
