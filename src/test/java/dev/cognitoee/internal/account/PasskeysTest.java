package dev.cognitoee.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.ListWebAuthnCredentialsResult;
import dev.cognitoee.WebAuthnCredential;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The passkey calls on the wire, on Cognito's documented request and answer shapes (the emulator has none of
 * them): what is sent, how the answers are read, how Cognito's WebAuthn errors are typed, and that what a browser
 * sends wrongly is refused before any call.
 */
class PasskeysTest {

    private static final String TOKEN = "access-token";
    private static final String OPTIONS = "{\"challenge\":\"q83vEjRWeJA\",\"rp\":{\"id\":\"example.com\",\"name\":"
            + "\"Example\"},\"user\":{\"id\":\"dXNlcg\",\"name\":\"alice\",\"displayName\":\"alice\"},"
            + "\"pubKeyCredParams\":[{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-257}],"
            + "\"timeout\":60000,\"excludeCredentials\":[],\"authenticatorSelection\":{\"requireResidentKey\":true,"
            + "\"residentKey\":\"required\",\"userVerification\":\"required\"},\"hints\":null,\"ratio\":0.5}";
    private static final String CREDENTIAL = "{\"id\":\"Y3JlZA\",\"rawId\":\"Y3JlZA\",\"type\":\"public-key\","
            + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{\"credProps\":{\"rk\":true}},"
            + "\"response\":{\"clientDataJSON\":\"eyJ9\",\"attestationObject\":\"o2Nm\",\"transports\":[\"internal\","
            + "\"hybrid\"],\"publicKeyAlgorithm\":-7}}";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final Passkeys passkeys = new Passkeys(UserPoolClient.forPool(Configs.of(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client")), http));

    private JsonObject lastBody() {
        return json(http.last().body());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertRefused(ThrowingCallable call, AuthError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void startSendsTheAccessTokenAndGivesCognitosOptionsAsTheyCame() {
        http.answer(200, "{\"CredentialCreationOptions\":" + OPTIONS + "}");

        String options = passkeys.startRegistration(TOKEN);

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.StartWebAuthnRegistration");
        assertThat(lastBody()).isEqualTo(json("{\"AccessToken\":\"" + TOKEN + "\"}"));
        assertThat(json(options)).as("numbers, nulls, arrays and nesting unchanged").isEqualTo(json(OPTIONS));
    }

    @Test
    void completeSendsTheBrowsersCredentialAsAJsonObject() {
        http.answer(200, "{}");

        passkeys.completeRegistration(TOKEN, CREDENTIAL);

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.CompleteWebAuthnRegistration");
        assertThat(lastBody().getString("AccessToken")).isEqualTo(TOKEN);
        assertThat(lastBody().getJsonObject("Credential")).isEqualTo(json(CREDENTIAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not json", "[1,2]", "\"text\"", "42", "null", "{}", "{\"id\":\"x\"}",
            "{\"id\":1,\"response\":{\"clientDataJSON\":\"a\",\"attestationObject\":\"b\"}}",
            "{\"id\":\"x\",\"response\":\"r\"}", "{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"a\"}}",
            "{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"a\",\"attestationObject\":{}}}", "{\"id\":",
            "{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"a\",\"attestationObject\":\"b\"}} trailing"})
    void whatIsNotARegistrationResponseIsAnInvalidParameterAndNotSent(String credential) {
        assertRefused(() -> passkeys.completeRegistration(TOKEN, credential), AuthError.INVALID_PARAMETER);
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void anOversizedCredentialIsAnInvalidParameterAndNotSent() {
        String padded = CREDENTIAL.replace("\"eyJ9\"", "\"" + "a".repeat(Passkeys.MAX_CREDENTIAL_CHARS) + "\"");
        assertRefused(() -> passkeys.completeRegistration(TOKEN, padded), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.completeRegistration(TOKEN, null), AuthError.INVALID_PARAMETER);
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void aListPageIsReadFromCognitosShape() {
        http.answer(200, "{\"Credentials\":[{\"AuthenticatorAttachment\":\"platform\",\"AuthenticatorTransports\":"
                + "[\"internal\"],\"CreatedAt\":1.7645112E9,\"CredentialId\":\"Y3JlZA\",\"FriendlyCredentialName\":"
                + "\"Chrome on Linux\",\"RelyingPartyId\":\"example.com\"},{\"CreatedAt\":1764511300,"
                + "\"CredentialId\":\"c2Vj\",\"FriendlyCredentialName\":\"key\",\"RelyingPartyId\":\"example.com\"}],"
                + "\"NextToken\":\"page-2\"}");

        ListWebAuthnCredentialsResult page = passkeys.list(TOKEN, 2, "page-1");

        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.ListWebAuthnCredentials");
        assertThat(lastBody()).isEqualTo(json("{\"AccessToken\":\"" + TOKEN + "\",\"MaxResults\":2,"
                + "\"NextToken\":\"page-1\"}"));
        assertThat(page.nextToken()).isEqualTo("page-2");
        assertThat(page.credentials()).containsExactly(
                new WebAuthnCredential("Y3JlZA", "Chrome on Linux", "example.com", "platform", List.of("internal"),
                        Instant.ofEpochSecond(1_764_511_200)),
                new WebAuthnCredential("c2Vj", "key", "example.com", null, List.of(),
                        Instant.ofEpochSecond(1_764_511_300)));
    }

    @Test
    void theFirstPageSendsNoTokenAndTheLastHasNone() {
        http.answer(200, "{\"Credentials\":[]}");

        ListWebAuthnCredentialsResult page = passkeys.list(TOKEN, null, null);

        assertThat(lastBody().keySet()).containsExactly("AccessToken");
        assertThat(page.credentials()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void pageSizesAndTokensOutOfBoundsAreNotSent() {
        assertRefused(() -> passkeys.list(TOKEN, 0, null), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.list(TOKEN, Passkeys.MAX_PAGE_SIZE + 1, null), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.list(TOKEN, null, " "), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.list(TOKEN, null, "t".repeat(Passkeys.MAX_NEXT_TOKEN_CHARS + 1)),
                AuthError.INVALID_PARAMETER);
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void deleteSendsTheIdAndAnUnknownOneIsNotFound() {
        http.answer(200, "{}");
        passkeys.delete(TOKEN, "Y3JlZA");
        assertThat(http.last().target()).isEqualTo("AWSCognitoIdentityProviderService.DeleteWebAuthnCredential");
        assertThat(lastBody()).isEqualTo(json("{\"AccessToken\":\"" + TOKEN + "\",\"CredentialId\":\"Y3JlZA\"}"));

        http.answer(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Credential not found.\"}");
        assertRefused(() -> passkeys.delete(TOKEN, "Y3JlZA"), AuthError.WEBAUTHN_CREDENTIAL_NOT_FOUND);

        int sent = http.sent().size();
        assertRefused(() -> passkeys.delete(TOKEN, ""), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.delete(TOKEN, null), AuthError.INVALID_PARAMETER);
        assertRefused(() -> passkeys.delete(TOKEN, "x".repeat(Passkeys.MAX_CREDENTIAL_ID_CHARS + 1)),
                AuthError.INVALID_PARAMETER);
        assertThat(http.sent()).hasSize(sent);
    }

    @ParameterizedTest
    @CsvSource({
            "WebAuthnChallengeNotFoundException, WEBAUTHN_CREDENTIAL_REFUSED",
            "WebAuthnOriginNotAllowedException, WEBAUTHN_CREDENTIAL_REFUSED",
            "WebAuthnRelyingPartyMismatchException, WEBAUTHN_CREDENTIAL_REFUSED",
            "WebAuthnClientMismatchException, WEBAUTHN_CREDENTIAL_REFUSED",
            "WebAuthnCredentialNotSupportedException, WEBAUTHN_CREDENTIAL_REFUSED",
            "WebAuthnNotEnabledException, WEBAUTHN_NOT_ENABLED",
            "WebAuthnConfigurationMissingException, WEBAUTHN_NOT_ENABLED",
            "NotAuthorizedException, NOT_AUTHORIZED"})
    void cognitosWebAuthnErrorsAreTypedWithATextForUsers(String cognitoCode, AuthError error) {
        http.answer(400, "{\"__type\":\"" + cognitoCode + "\",\"message\":\"Cognito's own words about rp.example\"}");

        assertThatThrownBy(() -> passkeys.completeRegistration(TOKEN, CREDENTIAL))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.cognitoErrorCode()).isEqualTo(cognitoCode);
                    assertThat(e.getMessage()).doesNotContain("rp.example");
                });
    }
}
