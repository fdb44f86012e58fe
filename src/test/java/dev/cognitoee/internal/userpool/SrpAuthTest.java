package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * USER_SRP_AUTH on the wire, against Cognito's documented request and answer shapes: InitiateAuth with SRP_A, then
 * RespondToAuthChallenge(PASSWORD_VERIFIER) for Cognito's USER_ID_FOR_SRP, with SECRET_HASH where Cognito wants it,
 * and a signature that the stand-in's server side ({@link SrpStandInMath}) accepts. The password never goes out.
 */
class SrpAuthTest {

    private static final String POOL_ID = "eu-west-1_AbC123";
    private static final String CLIENT_ID = "4f1client";
    private static final String SECRET = "s3cr3t";
    private static final String ALIAS = "alice@example.com";
    private static final String USER_ID = "6f1c2e5a-7d4b-4c1e-9a55-0c3d2b1a0f9e";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final Instant NOW = Instant.parse("2026-12-02T09:05:07Z");
    private static final Map<String, String> METADATA = Map.of("campaign", "spring");

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final SecureRandom random = new SecureRandom();
    private final SrpStandInMath.Verifier verifier = SrpStandInMath.verifier("AbC123", USER_ID, PASSWORD, random);
    private final SrpStandInMath.ServerHalf server = SrpStandInMath.serverHalf(verifier, random);
    private final String secretBlock = Base64.getEncoder().encodeToString("cognito's opaque state".getBytes());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger("dev.cognitoee"); // every logger of the module
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    private UserPoolClient client(boolean withSecret) {
        return withSecret ? UserPoolClient.forPool(Configs.of("cognito.user-pool-id", POOL_ID, "cognito.client-id",
                CLIENT_ID, "cognito.client-secret", SECRET), http)
                : UserPoolClient.forPool(Configs.of("cognito.user-pool-id", POOL_ID, "cognito.client-id", CLIENT_ID),
                http);
    }

    private String challenge(String srpB) {
        return "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Session\":\"srp-session\",\"ChallengeParameters\":{"
                + "\"SALT\":\"" + verifier.salt().toString(16) + "\",\"SECRET_BLOCK\":\"" + secretBlock + "\","
                + "\"SRP_B\":\"" + srpB + "\",\"USERNAME\":\"" + USER_ID + "\",\"USER_ID_FOR_SRP\":\"" + USER_ID
                + "\"}}";
    }

    private JsonObject sent(int index) {
        return Json.createReader(new StringReader(http.sent().get(index).body())).readObject();
    }

    @Test
    void provesThePasswordForCognitosUserIdWithSecretHashesAndNeverSendsIt() {
        http.thenAnswer(200, challenge(server.publicValue().toString(16)));
        http.thenAnswer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"a\",\"IdToken\":\"i\","
                + "\"RefreshToken\":\"r\"},\"ChallengeParameters\":{}}");

        SignInAnswer answer = client(true).srpAuth(ALIAS, PASSWORD, METADATA, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(answer.tokens().accessToken()).isEqualTo("a");
        assertThat(answer.username()).isEqualTo(USER_ID);
        assertThat(http.sent()).hasSize(2).allSatisfy(sent -> assertThat(sent.body()).doesNotContain(PASSWORD));

        assertThat(http.sent().get(0).target()).isEqualTo("AWSCognitoIdentityProviderService.InitiateAuth");
        JsonObject initiate = sent(0);
        assertThat(initiate.getString("AuthFlow")).isEqualTo("USER_SRP_AUTH");
        assertThat(initiate.getString("ClientId")).isEqualTo(CLIENT_ID);
        JsonObject parameters = initiate.getJsonObject("AuthParameters");
        assertThat(parameters.keySet()).containsExactlyInAnyOrder("USERNAME", "SRP_A", "SECRET_HASH");
        assertThat(parameters.getString("USERNAME")).as("the name typed").isEqualTo(ALIAS);
        assertThat(parameters.getString("SECRET_HASH")).isEqualTo(SecretHash.of(ALIAS, CLIENT_ID, SECRET));
        assertThat(initiate.getJsonObject("ClientMetadata").getString("campaign")).isEqualTo("spring");
        BigInteger clientPublic = new BigInteger(parameters.getString("SRP_A"), 16);

        assertThat(http.sent().get(1).target()).isEqualTo("AWSCognitoIdentityProviderService.RespondToAuthChallenge");
        JsonObject respond = sent(1);
        assertThat(respond.getString("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(respond.getString("Session")).isEqualTo("srp-session");
        assertThat(respond.getString("ClientId")).isEqualTo(CLIENT_ID);
        assertThat(respond.getJsonObject("ClientMetadata").getString("campaign")).isEqualTo("spring");
        JsonObject responses = respond.getJsonObject("ChallengeResponses");
        assertThat(responses.keySet()).containsExactlyInAnyOrder("USERNAME", "SECRET_HASH", "TIMESTAMP",
                "PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE");
        assertThat(responses.getString("USERNAME")).as("Cognito's USER_ID_FOR_SRP").isEqualTo(USER_ID);
        assertThat(responses.getString("SECRET_HASH")).isEqualTo(SecretHash.of(USER_ID, CLIENT_ID, SECRET));
        assertThat(responses.getString("TIMESTAMP")).isEqualTo("Wed Dec 2 09:05:07 UTC 2026");
        assertThat(responses.getString("PASSWORD_CLAIM_SECRET_BLOCK")).isEqualTo(secretBlock);
        byte[] expected = SrpStandInMath.expectedSignature("AbC123", USER_ID, verifier, server, clientPublic,
                Base64.getDecoder().decode(secretBlock), responses.getString("TIMESTAMP"));
        assertThat(responses.getString("PASSWORD_CLAIM_SIGNATURE")).as("the proof the server expects")
                .isEqualTo(Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void withoutASecretNoSecretHashAnywhere() {
        http.thenAnswer(200, challenge(server.publicValue().toString(16)));
        http.thenAnswer(200, "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"mfa-session\","
                + "\"ChallengeParameters\":{}}");

        SignInAnswer answer = client(false).srpAuth(ALIAS, PASSWORD, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sent(0).getJsonObject("AuthParameters").keySet()).containsExactlyInAnyOrder("USERNAME", "SRP_A");
        assertThat(sent(1).getJsonObject("ChallengeResponses").keySet()).doesNotContain("SECRET_HASH");
        assertThat(answer.tokens()).isNull();
        assertThat(answer.challengeName()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(answer.session()).isEqualTo("mfa-session");
        assertThat(answer.username()).as("the challenge after SRP is Cognito's user's").isEqualTo(USER_ID);
    }

    @Test
    void aWrongPasswordMakesAProofTheServerRefusesAndCognitosAnswerIsNotAuthorized() {
        http.thenAnswer(200, challenge(server.publicValue().toString(16)));
        http.thenAnswer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");

        assertThatThrownBy(() -> client(false).srpAuth(USER_ID, "wrong-password", Map.of(),
                Clock.fixed(NOW, ZoneOffset.UTC)))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
                });
        JsonObject responses = sent(1).getJsonObject("ChallengeResponses");
        byte[] expected = SrpStandInMath.expectedSignature("AbC123", USER_ID, verifier, server,
                new BigInteger(sent(0).getJsonObject("AuthParameters").getString("SRP_A"), 16),
                Base64.getDecoder().decode(secretBlock), responses.getString("TIMESTAMP"));
        assertThat(responses.getString("PASSWORD_CLAIM_SIGNATURE"))
                .isNotEqualTo(Base64.getEncoder().encodeToString(expected));
        assertThat(logged).noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
    }

    @Test
    void anUnsafeOrMalformedChallengeIsNotAnsweredAndIsOneWarning() {
        for (String unsafe : List.of(challenge(SrpStandInMath.N.toString(16)), challenge("0"),
                challenge(server.publicValue().toString(16)).replace("\"SECRET_BLOCK\"", "\"OTHER\""))) {
            http.sent().clear();
            logged.clear();
            http.thenAnswer(200, unsafe);

            assertThatThrownBy(() -> client(false).srpAuth("alice", PASSWORD, Map.of(),
                    Clock.fixed(NOW, ZoneOffset.UTC)))
                    .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo(AuthError.UNEXPECTED);
                        assertThat(e.getMessage()).isEqualTo("The request could not be completed.");
                    });
            assertThat(http.sent()).as("no answer to it").hasSize(1);
            assertThat(logged).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).startsWith("COGNITOEE-0055 The SRP sign-in of {0} is refused");
                assertThat(r.getParameters()[0]).isEqualTo("alice");
                assertThat(String.valueOf(r.getParameters()[1])).containsAnyOf("0 modulo N", "SECRET_BLOCK")
                        .doesNotContain(PASSWORD);
            });
        }
    }

    @Test
    void anUnknownUserIsCognitosErrorAtTheFirstCall() {
        http.thenAnswer(400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}");

        assertThatThrownBy(() -> client(false).srpAuth("nobody", PASSWORD, Map.of(), Clock.systemUTC()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.USER_NOT_FOUND));
        assertThat(http.sent()).hasSize(1);
    }
}
