package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.testing.Configs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DeleteUser, DeleteUserAttributes and GetUserAttributeVerificationCode on the wire: the JSON the SDK sends and
 * Cognito's documented answers and errors (API reference of each action), including what the emulator does not
 * send: GetUserAttributeVerificationCode's {@code CodeDeliveryDetails} (cognito-local 5.3.0 answers {@code {}}).
 */
class AccountLifecycleCallsTest {

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final UserPoolClient client = UserPoolClient.forPool(Configs.of(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client")), http);

    private JsonObject lastBody() {
        return Json.createReader(new StringReader(http.last().body())).readObject();
    }

    @Test
    void deleteUserSendsTheAccessTokenOnly() {
        http.answer(200, "{}");

        client.deleteUser("the-access-token");

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.DeleteUser");
        assertThat(lastBody().keySet()).containsExactly("AccessToken");
        assertThat(lastBody().getString("AccessToken")).isEqualTo("the-access-token");
        assertThat(http.last().request().firstMatchingHeader("Authorization")).as("public API: unsigned").isEmpty();
    }

    @Test
    void deleteUserAttributesSendsTheNames() {
        http.answer(200, "{}");

        client.deleteUserAttributes("the-access-token", List.of("given_name", "custom:team"));

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.DeleteUserAttributes");
        assertThat(lastBody().getString("AccessToken")).isEqualTo("the-access-token");
        assertThat(lastBody().getJsonArray("UserAttributeNames").getValuesAs(JsonString::getString))
                .containsExactly("given_name", "custom:team");
    }

    @Test
    void getUserAttributeVerificationCodeSendsNameAndMetadataAndReadsWhereTheCodeWent() {
        http.answer(200, "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\","
                + "\"Destination\":\"f***@e***\"}}");

        var response = client.getUserAttributeVerificationCode("the-access-token", "email",
                Map.of("tenant", "acme"));

        assertThat(http.last().target())
                .isEqualTo("AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode");
        assertThat(lastBody().getString("AttributeName")).isEqualTo("email");
        assertThat(lastBody().getString("AccessToken")).isEqualTo("the-access-token");
        assertThat(lastBody().getJsonObject("ClientMetadata").getString("tenant")).isEqualTo("acme");
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("f***@e***");
        assertThat(response.codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
        assertThat(response.codeDeliveryDetails().attributeName()).isEqualTo("email");
    }

    @Test
    void aRevokedAccessTokenIsNotAuthorized() {
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token has been revoked\"}");

        assertThatThrownBy(() -> client.deleteUser("revoked"))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
                    assertThat(e.cognitoErrorCode()).isEqualTo("NotAuthorizedException");
                    assertThat(e.getMessage()).doesNotContain("revoked");
                });
    }

    @Test
    void anUnknownAttributeIsInvalidParameter() {
        http.answer(400, "{\"__type\":\"InvalidParameterException\","
                + "\"message\":\"user.favourite_colour: Attribute does not exist in the schema.\"}");

        assertThatThrownBy(() -> client.deleteUserAttributes("token", List.of("favourite_colour")))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
    }

    @Test
    void tooManyCodesIsLimitExceeded() {
        http.answer(400, "{\"__type\":\"LimitExceededException\","
                + "\"message\":\"Attempt limit exceeded, please try after some time.\"}");

        assertThatThrownBy(() -> client.getUserAttributeVerificationCode("token", "email", Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.LIMIT_EXCEEDED));
    }
}
