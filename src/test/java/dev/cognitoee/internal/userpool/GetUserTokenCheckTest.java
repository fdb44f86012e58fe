package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.token.RevocationCheckUnavailableException;
import dev.cognitoee.testing.Configs;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Cognito's answers to GetUser, on the wire, as the "ask Cognito" revocation check reads them. The emulator
 * raises none of the NotAuthorizedException cases (it has no GlobalSignOut and checks neither the signature nor the
 * expiry of the token it is given): these shapes are Cognito's documented ones.
 */
class GetUserTokenCheckTest {

    private static final String TOKEN = "header.payload.signature";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final GetUserTokenCheck check = new GetUserTokenCheck(UserPoolClient.forPool(
            Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client"), http));

    @Test
    void anAnswerWithTheUserMeansHonoured() throws Exception {
        http.answer(200, "{\"Username\":\"alice\",\"UserAttributes\":[{\"Name\":\"sub\",\"Value\":\"s-1\"}]}");

        assertThat(check.honours(TOKEN)).isTrue();
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.GetUser");
        assertThat(http.last().body()).isEqualTo("{\"AccessToken\":\"" + TOKEN + "\"}");
        assertThat(http.sent()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "NotAuthorizedException|Access Token has been revoked",   // GlobalSignOut, RevokeToken
            "NotAuthorizedException|User is disabled.",
            "NotAuthorizedException|Access Token has expired",
            "UserNotFoundException|User does not exist.",             // AdminDeleteUser
            "PasswordResetRequiredException|Password reset required for the user",
            "UserNotConfirmedException|User is not confirmed."})
    void cognitosRefusalsMeanNotHonoured(String type, String message) throws Exception {
        http.answer(400, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");

        assertThat(check.honours(TOKEN)).isFalse();
        assertThat(http.sent()).as("a refusal is not retried").hasSize(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "500|InternalErrorException",
            "400|TooManyRequestsException",
            "400|ForbiddenException",
            "400|InvalidParameterException"})
    void anythingElseIsNoAnswerAndNeverAnAccept(int status, String type) {
        http.answer(status, "{\"__type\":\"" + type + "\",\"message\":\"at 10.0.0.7\"}");

        assertThatThrownBy(() -> check.honours(TOKEN))
                .isInstanceOf(RevocationCheckUnavailableException.class)
                .hasMessageContaining(type)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void cognitoUnreachableIsNoAnswer() {
        http.failWith(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> check.honours(TOKEN))
                .isInstanceOf(RevocationCheckUnavailableException.class)
                .hasMessageContaining("SERVICE_UNAVAILABLE")
                .hasMessageNotContaining(TOKEN);
    }
}
