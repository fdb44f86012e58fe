package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.testing.Configs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The requests the module sends to Cognito and how it reads Cognito's answers, on the wire: the exact JSON the
 * SDK sends (client id, SECRET_HASH, ClientMetadata) and real Cognito error shapes. This covers what the emulator
 * cannot show: its missing operations (ResendConfirmationCode, GlobalSignOut), and the errors it does not raise.
 */
class UserPoolClientTest {

    private static final Map<String, String> METADATA = Map.of("campaign", "spring", "tenant", "acme");

    private final RecordingHttpClient http = new RecordingHttpClient();

    private UserPoolClient client(String... overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "cognito.user-pool-id", "eu-west-1_AbC123",
                "cognito.client-id", "4f1client"));
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return UserPoolClient.forPool(Configs.of(settings), http);
    }

    private JsonObject lastBody() {
        return Json.createReader(new StringReader(http.last().body())).readObject();
    }

    @Test
    void passwordSignInSendsUserPasswordAuthWithClientMetadataAndNoSecretHashWithoutASecret() {
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"a\",\"IdToken\":\"i\",\"RefreshToken\":\"r\","
                + "\"ExpiresIn\":3600,\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}");

        var response = client().passwordAuth("alice", "pw", METADATA);

        assertThat(response.authenticationResult().accessToken()).isEqualTo("a");
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.InitiateAuth");
        assertThat(http.last().request().getUri().getHost()).isEqualTo("cognito-idp.eu-west-1.amazonaws.com");
        assertThat(http.last().request().firstMatchingHeader("Authorization")).as("public API: unsigned").isEmpty();
        JsonObject body = lastBody();
        assertThat(body.getString("AuthFlow")).isEqualTo("USER_PASSWORD_AUTH");
        assertThat(body.getString("ClientId")).isEqualTo("4f1client");
        assertThat(body.getJsonObject("AuthParameters").keySet()).containsExactlyInAnyOrder("USERNAME", "PASSWORD");
        assertThat(body.getJsonObject("ClientMetadata").getString("campaign")).isEqualTo("spring");
        assertThat(body.getJsonObject("ClientMetadata").getString("tenant")).isEqualTo("acme");
    }

    @Test
    void aClientSecretAddsTheSecretHashEverywhereCognitoWantsIt() {
        UserPoolClient withSecret = client("cognito.client-secret", "s3cr3t");
        // Base64(HMAC-SHA256(key "s3cr3t", "alice" + "4f1client")), computed independently with openssl
        String expected = "5OnSe4ev+G1GoJxONvouvy5PKKnkbfF2zRBATkjDe6Y=";

        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"a\"}}");
        withSecret.passwordAuth("alice", "pw", Map.of());
        assertThat(lastBody().getJsonObject("AuthParameters").getString("SECRET_HASH")).isEqualTo(expected);

        withSecret.refresh("alice", "refresh-token");
        assertThat(lastBody().getString("AuthFlow")).isEqualTo("REFRESH_TOKEN_AUTH");
        assertThat(lastBody().getJsonObject("AuthParameters").getString("SECRET_HASH")).isEqualTo(expected);

        http.answer(200, "{\"UserConfirmed\":false,\"UserSub\":\"sub-1\"}");
        withSecret.signUp("alice", "pw", Map.of("email", "alice@example.com"), METADATA);
        assertThat(lastBody().getString("SecretHash")).isEqualTo(expected);

        http.answer(200, "{}");
        withSecret.revokeToken("refresh-token");
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.RevokeToken");
        assertThat(lastBody().getString("ClientSecret")).isEqualTo("s3cr3t");
        assertThat(lastBody().getString("Token")).isEqualTo("refresh-token");
    }

    @Test
    void resendConfirmationCodeRequestAndAnswerAsCognitoHasThem() {
        http.answer(200, "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\","
                + "\"Destination\":\"a***@e***.com\"}}");

        var response = client().resendConfirmationCode("alice", METADATA);

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.ResendConfirmationCode");
        assertThat(lastBody().getString("Username")).isEqualTo("alice");
        assertThat(lastBody().getString("ClientId")).isEqualTo("4f1client");
        assertThat(lastBody().getJsonObject("ClientMetadata").getString("tenant")).isEqualTo("acme");
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("a***@e***.com");
    }

    @Test
    void globalSignOutSendsTheAccessToken() {
        http.answer(200, "{}");
        client().globalSignOut("the-access-token");
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.GlobalSignOut");
        assertThat(lastBody().getString("AccessToken")).isEqualTo("the-access-token");
    }

    @Test
    void clientMetadataReachesEveryCallThatTakesIt() {
        UserPoolClient client = client();
        http.answer(200, "{}");
        client.confirmSignUp("alice", "123456", METADATA, null);
        client.forgotPassword("alice", METADATA);
        client.confirmForgotPassword("alice", "123456", "N3w-Password!", METADATA);
        client.updateUserAttributes("token", Map.of("email", "new@example.com"), METADATA);
        client.respondToChallenge(software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType
                .NEW_PASSWORD_REQUIRED, "session", "alice", Map.of("NEW_PASSWORD", "x"), METADATA);
        assertThat(http.sent()).hasSize(5).allSatisfy(sent -> assertThat(
                Json.createReader(new StringReader(sent.body())).readObject().getJsonObject("ClientMetadata"))
                .containsEntry("campaign", Json.createValue("spring")));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "NotAuthorizedException, Incorrect username or password., NOT_AUTHORIZED",
            "UserNotFoundException, User does not exist., USER_NOT_FOUND",
            "UserNotConfirmedException, User is not confirmed., USER_NOT_CONFIRMED",
            "PasswordResetRequiredException, Password reset required for the user, PASSWORD_RESET_REQUIRED",
            "CodeMismatchException, Invalid verification code provided please try again., CODE_MISMATCH",
            "ExpiredCodeException, Invalid code provided please request a code again., CODE_EXPIRED",
            "LimitExceededException, Attempt limit exceeded please try after some time., LIMIT_EXCEEDED",
            "UsernameExistsException, User already exists, USERNAME_EXISTS",
            "AliasExistsException, An account with the given email already exists., ALIAS_EXISTS",
            "InvalidParameterException, Invalid email address format., INVALID_PARAMETER",
            "TooManyFailedAttemptsException, Too many failed attempts., TOO_MANY_FAILED_ATTEMPTS",
            "ResourceNotFoundException, User pool client 4f1client does not exist., UNEXPECTED"})
    void cognitoErrorsBecomeTypedOutcomesWithAFixedMessage(String type, String message, AuthError expected) {
        http.answer(400, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");

        assertThatThrownBy(() -> client().passwordAuth("alice", "pw", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.cognitoErrorCode()).isEqualTo(type);
                    assertThat(e.getMessage()).isEqualTo(CognitoErrors.userMessage(expected)).doesNotContain("pw");
                });
        assertThat(http.sent()).as("a client error is not retried").hasSize(1);
    }

    @ParameterizedTest(name = "{0} keeps its text")
    @CsvSource({
            "InvalidPasswordException, Password did not conform with policy: Password must have uppercase characters, INVALID_PASSWORD",
            "UserLambdaValidationException, PreSignUp failed with error Sign-ups are closed., LAMBDA_VALIDATION"})
    void textsWrittenForUsersKeepCognitosWords(String type, String message, AuthError expected) {
        http.answer(400, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");

        assertThatThrownBy(() -> client().signUp("alice", "pw", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void aWrongSecretHashIsReportedToUsersAsWrongCredentialsOnly() {
        http.answer(400, "{\"__type\":\"NotAuthorizedException\","
                + "\"message\":\"Unable to verify secret hash for client 4f1client\"}");

        assertThatThrownBy(() -> client().passwordAuth("alice", "pw", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Incorrect username or password.")
                            .doesNotContainIgnoringCase("secret").doesNotContain("4f1client");
                });
    }

    @Test
    void throttlingIsItsOwnOutcome() {
        http.answer(400, "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}");
        assertThatThrownBy(() -> client().signUp("alice", "pw", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.TOO_MANY_REQUESTS));
    }

    @Test
    void cognitoFailingOnItsSideIsServiceUnavailable() {
        http.answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"Internal error\"}");
        assertThatThrownBy(() -> client().forgotPassword("alice", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));

        http.answer(503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"unavailable\"}");
        assertThatThrownBy(() -> client().forgotPassword("alice", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));
    }

    @Test
    void anUnreachableCognitoIsServiceUnavailable() {
        http.failWith(new ConnectException("Connection refused"));
        assertThatThrownBy(() -> client().passwordAuth("alice", "pw", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("pw").doesNotContain("localhost")
                            .doesNotContain("refused").doesNotContain("amazonaws");
                });
    }

    @Test
    void anEndpointOverrideIsHonoured() {
        http.answer(200, "{}");
        client("cognito.endpoint", "http://localhost:9229").globalSignOut("t");
        assertThat(http.last().request().getUri().toString()).startsWith("http://localhost:9229");
    }
}
