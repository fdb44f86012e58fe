package dev.cognitoee.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.FetchMfaPreferenceResult;
import dev.cognitoee.MfaPreference;
import dev.cognitoee.MfaPreferenceUpdate;
import dev.cognitoee.MfaType;
import dev.cognitoee.TotpSetupDetails;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MFA self-service calls on the wire, against Cognito's documented request and response shapes (API reference:
 * GetUser, SetUserMFAPreference, AssociateSoftwareToken, VerifySoftwareToken) and its errors, including those the
 * emulator never raises (email MFA, {@code EnableSoftwareTokenMFAException}, {@code Status: ERROR}).
 */
class MfaSettingsTest {

    private static final String ACCESS_TOKEN = new TokenMinter("kid-1").access(Instant.now());

    private final RecordingHttpClient http = new RecordingHttpClient();
    private MfaSettings mfa;

    @BeforeEach
    void wire() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client");
        mfa = new MfaSettings(UserPoolClient.forPool(config, http));
    }

    private JsonObject sent() {
        return Json.createReader(new StringReader(http.last().body())).readObject();
    }

    @Test
    void theEnabledTypesAndThePreferredOneComeFromGetUser() {
        http.answer(200, "{\"Username\":\"alice\",\"UserAttributes\":[{\"Name\":\"sub\",\"Value\":\"6f1c\"}],"
                + "\"UserMFASettingList\":[\"EMAIL_OTP\",\"SOFTWARE_TOKEN_MFA\",\"SMS_MFA\"],"
                + "\"PreferredMfaSetting\":\"SOFTWARE_TOKEN_MFA\"}");

        FetchMfaPreferenceResult result = mfa.fetch(ACCESS_TOKEN);

        assertThat(http.last().target()).endsWith(".GetUser");
        assertThat(sent().getString("AccessToken")).isEqualTo(ACCESS_TOKEN);
        assertThat(result.enabled()).containsExactly(MfaType.SMS, MfaType.TOTP, MfaType.EMAIL);
        assertThat(result.preferred()).isEqualTo(MfaType.TOTP);
    }

    @Test
    void aUserWithoutMfaHasNoneEnabledAndNonePreferred() {
        http.answer(200, "{\"Username\":\"bob\",\"UserAttributes\":[]}");

        FetchMfaPreferenceResult result = mfa.fetch(ACCESS_TOKEN);

        assertThat(result.enabled()).isEmpty();
        assertThat(result.preferred()).isNull();
    }

    @Test
    void aTypeAmplifyHasNoNameForIsLeftOut() {
        http.answer(200, "{\"Username\":\"bob\",\"UserAttributes\":[],\"UserMFASettingList\":[\"WEB_AUTHN\","
                + "\"EMAIL_OTP\"],\"PreferredMfaSetting\":\"WEB_AUTHN\"}");

        FetchMfaPreferenceResult result = mfa.fetch(ACCESS_TOKEN);

        assertThat(result.enabled()).containsExactly(MfaType.EMAIL);
        assertThat(result.preferred()).isNull();
    }

    @ParameterizedTest(name = "{0} -> Enabled {1}, PreferredMfa {2}")
    @CsvSource({"ENABLED, true, ", "DISABLED, false, ", "PREFERRED, true, true", "NOT_PREFERRED, true, false"})
    void eachPreferenceIsSentAsAmplifySendsIt(MfaPreference preference, boolean enabled, Boolean preferred) {
        http.answer(200, "{}");

        mfa.update(ACCESS_TOKEN, MfaPreferenceUpdate.NONE.withEmail(preference));

        JsonObject body = sent();
        assertThat(http.last().target()).endsWith(".SetUserMFAPreference");
        assertThat(body.getString("AccessToken")).isEqualTo(ACCESS_TOKEN);
        JsonObject email = body.getJsonObject("EmailMfaSettings");
        assertThat(email.getBoolean("Enabled")).isEqualTo(enabled);
        if (preferred == null) {
            assertThat(email.containsKey("PreferredMfa")).as("not sent").isFalse();
        } else {
            assertThat(email.getBoolean("PreferredMfa")).isEqualTo(preferred);
        }
        assertThat(body.containsKey("SMSMfaSettings")).as("an absent type is not sent").isFalse();
        assertThat(body.containsKey("SoftwareTokenMfaSettings")).isFalse();
    }

    @Test
    void eachTypeGoesToItsOwnSetting() {
        http.answer(200, "{}");

        mfa.update(ACCESS_TOKEN, new MfaPreferenceUpdate(MfaPreference.DISABLED, MfaPreference.PREFERRED,
                MfaPreference.NOT_PREFERRED));

        JsonObject body = sent();
        assertThat(body.getJsonObject("SMSMfaSettings").getBoolean("Enabled")).isFalse();
        assertThat(body.getJsonObject("SoftwareTokenMfaSettings").getBoolean("PreferredMfa")).isTrue();
        assertThat(body.getJsonObject("EmailMfaSettings").getBoolean("PreferredMfa")).isFalse();
    }

    @Test
    void anUpdateThatChangesNothingCallsNothing() {
        mfa.update(ACCESS_TOKEN, MfaPreferenceUpdate.NONE);

        assertThat(http.sent()).isEmpty();
    }

    @Test
    void cognitoRefusesATypeNotSetUpAsAClientMistake() {
        http.answer(400, "{\"__type\":\"InvalidParameterException\","
                + "\"message\":\"User has not verified software token mfa\"}");

        assertThatThrownBy(() -> mfa.update(ACCESS_TOKEN, MfaPreferenceUpdate.NONE.withTotp(MfaPreference.PREFERRED)))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER);
                    assertThat(e.getMessage()).doesNotContain("software token");
                });
    }

    @Test
    void aRevokedAccessTokenIsNotAuthorized() {
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token has been revoked\"}");

        assertThatThrownBy(() -> mfa.fetch(ACCESS_TOKEN)).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));
    }

    @Test
    void setUpAssociatesASecretWithTheAccessTokenAndNamesTheUser() {
        http.answer(200, "{\"SecretCode\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");

        TotpSetupDetails details = mfa.setUpTotp(ACCESS_TOKEN);

        assertThat(http.last().target()).endsWith(".AssociateSoftwareToken");
        assertThat(sent().getString("AccessToken")).isEqualTo(ACCESS_TOKEN);
        assertThat(sent().containsKey("Session")).isFalse();
        assertThat(details.sharedSecret()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertThat(details.username()).isEqualTo("alice");
        assertThat(details.setupUri()).as("the pool of the token's issuer").isEqualTo("otpauth://totp/"
                + "eu-west-1_TestPool1:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=eu-west-1_TestPool1");
        assertThat(details.getSetupUri("My Shop").toString()).isEqualTo("otpauth://totp/My%20Shop:alice"
                + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=My%20Shop");
    }

    @Test
    void verifySendsTheCodeAndTheDeviceName() {
        http.answer(200, "{\"Status\":\"SUCCESS\"}");

        mfa.verifyTotpSetup(ACCESS_TOKEN, " 123456 ", "Alice's phone");

        JsonObject body = sent();
        assertThat(http.last().target()).endsWith(".VerifySoftwareToken");
        assertThat(body.getString("AccessToken")).isEqualTo(ACCESS_TOKEN);
        assertThat(body.getString("UserCode")).isEqualTo("123456");
        assertThat(body.getString("FriendlyDeviceName")).isEqualTo("Alice's phone");
    }

    @Test
    void verifyWithoutADeviceNameSendsNone() {
        http.answer(200, "{\"Status\":\"SUCCESS\"}");

        mfa.verifyTotpSetup(ACCESS_TOKEN, "123456", null);

        assertThat(sent().containsKey("FriendlyDeviceName")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"__type\":\"EnableSoftwareTokenMFAException\",\"message\":\"Code mismatch and fail enable Software Token MFA\"}",
            "{\"__type\":\"CodeMismatchException\",\"message\":\"Invalid code received for user\"}"})
    void aWrongCodeIsCodeMismatchWhicheverWayCognitoSaysIt(String cognitoError) {
        http.answer(400, cognitoError);

        assertThatThrownBy(() -> mfa.verifyTotpSetup(ACCESS_TOKEN, "000000", null))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.CODE_MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("The code is not correct.");
                });
    }

    @Test
    void aStatusOfErrorIsCodeMismatchToo() {
        http.answer(200, "{\"Status\":\"ERROR\"}");

        assertThatThrownBy(() -> mfa.verifyTotpSetup(ACCESS_TOKEN, "000000", null))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.CODE_MISMATCH));
    }

    @Test
    void aBlankCodeIsRefusedWithoutAskingCognito() {
        assertThatThrownBy(() -> mfa.verifyTotpSetup(ACCESS_TOKEN, "  ", null))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
        assertThat(http.sent()).isEmpty();
    }
}
