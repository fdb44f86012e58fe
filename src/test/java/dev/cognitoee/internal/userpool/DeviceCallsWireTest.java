package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.srp.DeviceSecret;
import dev.cognitoee.it.support.SrpStandInMath;
import dev.cognitoee.testing.Configs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;

/**
 * The device calls on the wire, against Cognito's documented request and answer shapes (API reference: ConfirmDevice,
 * UpdateDeviceStatus, ListDevices, ForgetDevice, RespondToAuthChallenge with DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER): what the module sends, how it reads Cognito's answers, and a device proof that the
 * stand-in's server side ({@link SrpStandInMath}) accepts for the verifier ConfirmDevice sent.
 */
class DeviceCallsWireTest {

    private static final String POOL_ID = "eu-west-1_AbC123";
    private static final String CLIENT_ID = "4f1client";
    private static final String SECRET = "s3cr3t";
    private static final String USERNAME = "6f1c2e5a-7d4b-4c1e-9a55-0c3d2b1a0f9e";
    private static final String DEVICE_KEY = "eu-west-1_0f3b8c52-1d2e-4a7b-9c0d-5e6f7a8b9c0d";
    private static final String GROUP_KEY = "-Yz8wLm2Qa";
    private static final Instant NOW = Instant.parse("2026-12-03T01:02:03Z");

    private final RecordingHttpClient http = new RecordingHttpClient();

    private UserPoolClient client(boolean withSecret) {
        return withSecret ? UserPoolClient.forPool(Configs.of("cognito.user-pool-id", POOL_ID, "cognito.client-id",
                CLIENT_ID, "cognito.client-secret", SECRET), http)
                : UserPoolClient.forPool(Configs.of("cognito.user-pool-id", POOL_ID, "cognito.client-id", CLIENT_ID),
                http);
    }

    private JsonObject sent(int index) {
        return Json.createReader(new StringReader(http.sent().get(index).body())).readObject();
    }

    @Test
    void confirmDeviceSendsTheVerifierAndSaltInBase64AndNeverThePassword() {
        http.answer(200, "{\"UserConfirmationNecessary\":true}");
        DeviceSecret secret = DeviceSecret.generate(GROUP_KEY, DEVICE_KEY, new SecureRandom());

        boolean confirmationNecessary = client(false).confirmDevice("access-token", DEVICE_KEY, secret, "Firefox");

        assertThat(confirmationNecessary).isTrue();
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.ConfirmDevice");
        JsonObject request = sent(0);
        assertThat(request.keySet()).containsExactlyInAnyOrder("AccessToken", "DeviceKey", "DeviceName",
                "DeviceSecretVerifierConfig");
        assertThat(request.getString("DeviceKey")).isEqualTo(DEVICE_KEY);
        assertThat(request.getString("DeviceName")).isEqualTo("Firefox");
        JsonObject config = request.getJsonObject("DeviceSecretVerifierConfig");
        assertThat(config.getString("PasswordVerifier")).isEqualTo(secret.verifier());
        assertThat(config.getString("Salt")).isEqualTo(secret.salt());
        assertThat(http.last().body()).doesNotContain(secret.password());
    }

    @Test
    void signInWithARememberedDeviceSendsItsKeyAndProvesTheDevicePassword() {
        SecureRandom random = new SecureRandom();
        DeviceSecret secret = DeviceSecret.generate(GROUP_KEY, DEVICE_KEY, random);
        // What Cognito keeps from ConfirmDevice, read back as the stand-in reads it.
        SrpStandInMath.Verifier verifier = new SrpStandInMath.Verifier(
                new BigInteger(1, Base64.getDecoder().decode(secret.salt())),
                new BigInteger(1, Base64.getDecoder().decode(secret.verifier())));
        SrpStandInMath.ServerHalf server = SrpStandInMath.serverHalf(verifier, random);
        String secretBlock = Base64.getEncoder().encodeToString("device secret block".getBytes());
        http.thenAnswer(200, "{\"ChallengeName\":\"DEVICE_SRP_AUTH\",\"Session\":\"s1\","
                + "\"ChallengeParameters\":{\"USERNAME\":\"" + USERNAME + "\"}}");
        http.thenAnswer(200, "{\"ChallengeName\":\"DEVICE_PASSWORD_VERIFIER\",\"Session\":\"s2\","
                + "\"ChallengeParameters\":{\"SRP_B\":\"" + server.publicValue().toString(16) + "\",\"SALT\":\""
                + verifier.salt().toString(16) + "\",\"SECRET_BLOCK\":\"" + secretBlock + "\",\"USERNAME\":\""
                + USERNAME + "\"}}");
        http.thenAnswer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"a\",\"IdToken\":\"i\","
                + "\"RefreshToken\":\"r\"},\"ChallengeParameters\":{}}");
        UserPoolClient cognito = client(true);

        SignInAnswer first = SignInAnswer.of(cognito.passwordAuth("alice", "pw", Map.of(), DEVICE_KEY), "alice");
        SignInAnswer answer = cognito.deviceSrpAuth(first, DEVICE_KEY, GROUP_KEY, secret.password(),
                Map.of("k", "v"), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(answer.tokens().accessToken()).isEqualTo("a");
        assertThat(sent(0).getJsonObject("AuthParameters").getString("DEVICE_KEY")).isEqualTo(DEVICE_KEY);
        JsonObject srpAuth = sent(1);
        assertThat(srpAuth.getString("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
        assertThat(srpAuth.getString("Session")).isEqualTo("s1");
        JsonObject srpResponses = srpAuth.getJsonObject("ChallengeResponses");
        assertThat(srpResponses.keySet()).containsExactlyInAnyOrder("USERNAME", "DEVICE_KEY", "SRP_A",
                "SECRET_HASH");
        assertThat(srpResponses.getString("USERNAME")).isEqualTo(USERNAME);
        assertThat(srpResponses.getString("SECRET_HASH")).isEqualTo(SecretHash.of(USERNAME, CLIENT_ID, SECRET));
        BigInteger clientPublic = new BigInteger(srpResponses.getString("SRP_A"), 16);

        JsonObject verify = sent(2);
        assertThat(verify.getString("ChallengeName")).isEqualTo("DEVICE_PASSWORD_VERIFIER");
        assertThat(verify.getString("Session")).isEqualTo("s2");
        assertThat(verify.getJsonObject("ClientMetadata").getString("k")).isEqualTo("v");
        JsonObject responses = verify.getJsonObject("ChallengeResponses");
        assertThat(responses.keySet()).containsExactlyInAnyOrder("USERNAME", "DEVICE_KEY", "TIMESTAMP",
                "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "SECRET_HASH");
        assertThat(responses.getString("DEVICE_KEY")).isEqualTo(DEVICE_KEY);
        assertThat(responses.getString("TIMESTAMP")).isEqualTo("Thu Dec 3 01:02:03 UTC 2026");
        byte[] expected = SrpStandInMath.expectedSignature(GROUP_KEY, DEVICE_KEY, verifier, server, clientPublic,
                Base64.getDecoder().decode(secretBlock), responses.getString("TIMESTAMP"));
        assertThat(responses.getString("PASSWORD_CLAIM_SIGNATURE")).as("the proof Cognito's side expects")
                .isEqualTo(Base64.getEncoder().encodeToString(expected));
        assertThat(http.sent()).allSatisfy(s -> assertThat(s.body()).doesNotContain(secret.password()));
    }

    @Test
    void aProofOfAnotherPasswordIsNotTheOneCognitoExpects() {
        SecureRandom random = new SecureRandom();
        DeviceSecret secret = DeviceSecret.generate(GROUP_KEY, DEVICE_KEY, random);
        SrpStandInMath.Verifier verifier = new SrpStandInMath.Verifier(
                new BigInteger(1, Base64.getDecoder().decode(secret.salt())),
                new BigInteger(1, Base64.getDecoder().decode(secret.verifier())));
        SrpStandInMath.ServerHalf server = SrpStandInMath.serverHalf(verifier, random);
        String secretBlock = Base64.getEncoder().encodeToString("block".getBytes());
        http.thenAnswer(200, "{\"ChallengeName\":\"DEVICE_PASSWORD_VERIFIER\",\"Session\":\"s2\","
                + "\"ChallengeParameters\":{\"SRP_B\":\"" + server.publicValue().toString(16) + "\",\"SALT\":\""
                + verifier.salt().toString(16) + "\",\"SECRET_BLOCK\":\"" + secretBlock + "\"}}");
        http.thenAnswer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        SignInAnswer challenge = new SignInAnswer(null, "DEVICE_SRP_AUTH", "s1", Map.of(), USERNAME);

        assertThatThrownBy(() -> client(false).deviceSrpAuth(challenge, DEVICE_KEY, GROUP_KEY, "not the password",
                Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));
        JsonObject responses = sent(1).getJsonObject("ChallengeResponses");
        BigInteger clientPublic = new BigInteger(sent(0).getJsonObject("ChallengeResponses").getString("SRP_A"), 16);
        byte[] expected = SrpStandInMath.expectedSignature(GROUP_KEY, DEVICE_KEY, verifier, server, clientPublic,
                Base64.getDecoder().decode(secretBlock), responses.getString("TIMESTAMP"));
        assertThat(responses.getString("PASSWORD_CLAIM_SIGNATURE"))
                .isNotEqualTo(Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void listDevicesReadsCognitosShapeAndFollowsPages() {
        http.thenAnswer(200, "{\"Devices\":[{\"DeviceKey\":\"" + DEVICE_KEY + "\",\"DeviceAttributes\":["
                + "{\"Name\":\"device_status\",\"Value\":\"valid\"},{\"Name\":\"device_name\",\"Value\":\"Firefox\"},"
                + "{\"Name\":\"last_ip_used\",\"Value\":\"192.0.2.1\"}],\"DeviceCreateDate\":1.764723723E9,"
                + "\"DeviceLastAuthenticatedDate\":1764723800.5,\"DeviceLastModifiedDate\":1764723723}],"
                + "\"PaginationToken\":\"page-2\"}");
        http.thenAnswer(200, "{\"Devices\":[{\"DeviceKey\":\"eu-west-1_second\",\"DeviceAttributes\":[]}]}");

        List<DeviceType> devices = client(false).listDevices("access-token", 600);

        assertThat(devices).extracting(DeviceType::deviceKey).containsExactly(DEVICE_KEY, "eu-west-1_second");
        assertThat(devices.get(0).deviceCreateDate()).isEqualTo(Instant.ofEpochSecond(1_764_723_723L));
        assertThat(devices.get(0).deviceLastAuthenticatedDate()).isEqualTo(Instant.ofEpochMilli(1_764_723_800_500L));
        assertThat(sent(0).getInt("Limit")).isEqualTo(60);
        assertThat(sent(0).containsKey("PaginationToken")).isFalse();
        assertThat(sent(1).getString("PaginationToken")).isEqualTo("page-2");
    }

    @Test
    void listDevicesStopsAtItsBound() {
        http.answer(200, "{\"Devices\":[{\"DeviceKey\":\"k\",\"DeviceAttributes\":[]},"
                + "{\"DeviceKey\":\"k2\",\"DeviceAttributes\":[]}],\"PaginationToken\":\"again\"}");

        assertThat(client(false).listDevices("access-token", 3)).hasSize(3);
        assertThat(http.sent()).hasSize(2);
    }

    @Test
    void updateDeviceStatusAndForgetDeviceSendCognitosValues() {
        http.answer(200, "{}");
        UserPoolClient cognito = client(false);

        cognito.updateDeviceStatus("access-token", DEVICE_KEY, true);
        cognito.updateDeviceStatus("access-token", DEVICE_KEY, false);
        cognito.forgetDevice("access-token", DEVICE_KEY);

        assertThat(sent(0).getString("DeviceRememberedStatus")).isEqualTo("remembered");
        assertThat(sent(1).getString("DeviceRememberedStatus")).isEqualTo("not_remembered");
        assertThat(http.sent().get(2).target()).isEqualTo("AWSCognitoIdentityProviderService.ForgetDevice");
        assertThat(sent(2).getString("DeviceKey")).isEqualTo(DEVICE_KEY);
        assertThat(sent(2).getString("AccessToken")).isEqualTo("access-token");
    }

    @Test
    void anUnknownDeviceIsCognitosResourceNotFound() {
        http.answer(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Device does not exist.\"}");

        assertThatThrownBy(() -> client(false).forgetDevice("access-token", "eu-west-1_nope"))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.cognitoErrorCode()).isEqualTo("ResourceNotFoundException"));
    }
}
