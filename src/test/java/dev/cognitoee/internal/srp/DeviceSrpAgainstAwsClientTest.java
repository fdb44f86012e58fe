package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The module's device SRP against AWS's own client, {@code amazon-cognito-identity-js} under Node.js
 * ({@code src/test/srp-reference/aws-device.js}): for the same device password, the verifier and salt that
 * ConfirmDevice sends ({@code AuthenticationHelper.generateHashDevice}) must be byte-identical; for the same random
 * {@code a}, the DEVICE_SRP_AUTH answer's SRP_A and the DEVICE_PASSWORD_VERIFIER answer's TIMESTAMP and
 * PASSWORD_CLAIM_SIGNATURE ({@code CognitoUser.getDeviceResponse}) too. AWS's client draws the salt itself: the
 * module's verifier is computed for the salt it drew.
 */
class DeviceSrpAgainstAwsClientTest {

    private static final String[][] DEVICES = {
        {"-Yz8wLm2Qa", "eu-west-1_0f3b8c52-1d2e-4a7b-9c0d-5e6f7a8b9c0d", "alice"},
        {"-AbCdEfGhI", "us-east-1_6f1c2e5a-7d4b-4c1e-9a55-0c3d2b1a0f9e", "6f1c2e5a-7d4b-4c1e-9a55-0c3d2b1a0f9e"},
        {"-k9", "ap-southeast-2_ffffffff-0000-4000-8000-000000000001", "Jürgen"},
    };

    @Test
    void theVerifierAndTheProofAreAwsClientsByteForByte() throws Exception {
        Random random = new Random(20261203L); // fixed: the same cases on every run
        JsonArrayBuilder cases = Json.createArrayBuilder();
        Instant now = Instant.parse("2026-03-05T04:03:09Z");
        String[] passwords = new String[DEVICES.length];
        BigInteger[] smallAs = new BigInteger[DEVICES.length];
        BigInteger[] serverPublics = new BigInteger[DEVICES.length];
        String[] salts = new String[DEVICES.length];
        String[] secretBlocks = new String[DEVICES.length];
        for (int i = 0; i < DEVICES.length; i++) {
            byte[] password = new byte[40];
            random.nextBytes(password);
            passwords[i] = Base64.getEncoder().encodeToString(password);
            smallAs[i] = new BigInteger(1024, random);
            serverPublics[i] = CognitoSrpGroup.G.modPow(new BigInteger(1024, random), CognitoSrpGroup.N);
            salts[i] = new BigInteger(128, random).toString(16);
            byte[] block = new byte[64];
            random.nextBytes(block);
            secretBlocks[i] = Base64.getEncoder().encodeToString(block);
            cases.add(Json.createObjectBuilder().add("deviceGroupKey", DEVICES[i][0]).add("deviceKey", DEVICES[i][1])
                    .add("username", DEVICES[i][2]).add("password", passwords[i])
                    .add("smallA", smallAs[i].toString(16)).add("srpB", serverPublics[i].toString(16))
                    .add("salt", salts[i]).add("secretBlock", secretBlocks[i]).add("session", "verifier-session")
                    .add("nowMillis", now.toEpochMilli()));
        }

        JsonArray results = AwsSrpClient.run("aws-device.js", cases.build());

        assertThat(results).hasSize(DEVICES.length);
        for (int i = 0; i < DEVICES.length; i++) {
            JsonObject aws = results.getJsonObject(i);
            String groupKey = DEVICES[i][0];
            String deviceKey = DEVICES[i][1];
            // The verifier ConfirmDevice sends, for the salt AWS's client drew.
            BigInteger awsSalt = new BigInteger(aws.getString("saltDevices"), 16);
            DeviceSecret ours = DeviceSecret.of(groupKey, deviceKey, passwords[i], awsSalt);
            assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(ours.verifier())))
                    .as("verifier of case %d", i).isEqualTo(aws.getString("verifierDevices"));
            assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(ours.salt())))
                    .as("salt of case %d", i).isEqualTo(aws.getString("saltDevices"));

            // The two answers of a device sign-in.
            JsonObject srpAuth = aws.getJsonArray("requests").getJsonObject(0).getJsonObject("ChallengeResponses");
            JsonObject verify = aws.getJsonArray("requests").getJsonObject(1).getJsonObject("ChallengeResponses");
            SrpClient client = new SrpClient(smallAs[i]);
            assertThat(client.publicValueHex()).as("SRP_A of case %d", i).isEqualTo(srpAuth.getString("SRP_A"));
            assertThat(srpAuth.getString("DEVICE_KEY")).isEqualTo(deviceKey);
            PasswordClaim claim = client.passwordClaim(groupKey, PasswordVerifierChallenge.ofDevice(Map.of(
                    "SRP_B", serverPublics[i].toString(16), "SALT", salts[i], "SECRET_BLOCK", secretBlocks[i]),
                    deviceKey), passwords[i], now);
            assertThat(claim.timestamp()).isEqualTo(verify.getString("TIMESTAMP"));
            assertThat(claim.signature()).as("PASSWORD_CLAIM_SIGNATURE of case %d", i)
                    .isEqualTo(verify.getString("PASSWORD_CLAIM_SIGNATURE"));
            assertThat(claim.secretBlock()).isEqualTo(verify.getString("PASSWORD_CLAIM_SECRET_BLOCK"));
            assertThat(verify.getString("DEVICE_KEY")).isEqualTo(deviceKey);
        }
    }
}
