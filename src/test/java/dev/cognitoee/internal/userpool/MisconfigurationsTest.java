package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.userpool.Misconfigurations.Api;
import dev.cognitoee.testing.Configs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cognito's answers that mean a misconfiguration, in the exact shapes real Cognito sends (the emulator raises none
 * of the user pool ones): each is logged once at WARNING with its id and what to fix, and the user's answer is
 * what it was before.
 */
class MisconfigurationsTest {

    private static final Logger LOGGER = Logger.getLogger(Misconfigurations.class.getName());

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override public void publish(LogRecord record) { records.add(record); }
        @Override public void flush() { }
        @Override public void close() { }
    };
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = LOGGER.getLevel();
        LOGGER.setLevel(Level.ALL);
        LOGGER.addHandler(handler);
    }

    @AfterEach
    void release() {
        LOGGER.removeHandler(handler);
        LOGGER.setLevel(previousLevel);
    }

    private UserPoolClient client(String... overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "cognito.user-pool-id", "eu-west-1_AbC123",
                "cognito.client-id", "4f1client"));
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return UserPoolClient.forPool(Configs.of(settings), http);
    }

    private List<String> warnings() {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).map(formatter::formatMessage).toList();
    }

    private void answer(String type, String message) {
        http.answer(400, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    @Test
    void aMissingSecretIsOneWarningNamingTheKeyAndUsersStillSeeAWrongPassword() {
        answer("NotAuthorizedException", "Client 4f1client is configured with secret but SECRET_HASH was not received");
        UserPoolClient client = client();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.passwordAuth("alice", "pw", Map.of()))
                    .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
                        assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
                    });
        }

        assertThat(warnings()).singleElement().asString()
                .startsWith("COGNITOEE-0003 ")
                .contains("set `cognito.client-secret`")
                .contains("NotAuthorizedException: Client 4f1client is configured with secret")
                .doesNotContain("pw");
        assertThat(records).filteredOn(r -> r.getLevel() == Level.FINE).hasSize(1);
    }

    @Test
    void aWrongSecretIsOneWarningAndTheSecretIsNotInIt() {
        answer("NotAuthorizedException", "Unable to verify secret hash for client 4f1client");
        UserPoolClient client = client("cognito.client-secret", "s3cr3t-value");

        assertThatThrownBy(() -> client.refresh("alice", "refresh-token-value"))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));
        assertThatThrownBy(() -> client.passwordAuth("alice", "pw", Map.of()))
                .isInstanceOf(CognitoAuthException.class);

        assertThat(warnings()).singleElement().asString().startsWith("COGNITOEE-0004 ")
                .contains("cognito.client-secret").doesNotContain("s3cr3t-value").doesNotContain("refresh-token-value");
    }

    @Test
    void aFlowNotEnabledIsOneWarningAndUsersStillGetInvalidParameter() {
        answer("InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client");
        UserPoolClient client = client();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.passwordAuth("alice", "pw", Map.of()))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
        }

        assertThat(warnings()).singleElement().asString().startsWith("COGNITOEE-0005 ")
                .contains("ALLOW_USER_PASSWORD_AUTH");
    }

    @Test
    void anUnknownAppClientIsOneWarning() {
        answer("ResourceNotFoundException", "User pool client 4f1client does not exist.");
        UserPoolClient client = client();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.passwordAuth("alice", "pw", Map.of()))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.UNEXPECTED));
        }

        assertThat(warnings()).singleElement().asString().startsWith("COGNITOEE-0006 ")
                .contains("`cognito.client-id`").contains("`cognito.region`");
    }

    @Test
    void aUsersOwnMistakeIsNoMisconfiguration() {
        answer("NotAuthorizedException", "Incorrect username or password.");
        assertThatThrownBy(() -> client().passwordAuth("alice", "pw", Map.of()))
                .isInstanceOf(CognitoAuthException.class);
        answer("InvalidParameterException", "1 validation error detected: Value at 'username' failed");
        assertThatThrownBy(() -> client().passwordAuth("alice", "pw", Map.of()))
                .isInstanceOf(CognitoAuthException.class);

        assertThat(warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "USER_POOL; NotAuthorizedException; Client abc is configured with secret but SECRET_HASH was not received; false; SECRET_HASH_MISSING",
            "USER_POOL; NotAuthorizedException; Unable to verify secret hash for client abc; false; SECRET_HASH_MISSING",
            "USER_POOL; NotAuthorizedException; Unable to verify secret hash for client abc; true; SECRET_HASH_WRONG",
            "USER_POOL; InvalidParameterException; USER_PASSWORD_AUTH flow not enabled for this client; false; FLOW_NOT_ENABLED",
            "USER_POOL; InvalidParameterException; Refresh Token flow not enabled for this client; false; FLOW_NOT_ENABLED",
            "USER_POOL; ResourceNotFoundException; User pool client abc does not exist.; false; APP_CLIENT_NOT_FOUND",
            "USER_POOL; ResourceNotFoundException; User pool eu-west-1_x does not exist.; false; APP_CLIENT_NOT_FOUND",
            "USER_POOL; ResourceNotFoundException; App Client abc not found; false; APP_CLIENT_NOT_FOUND",
            "USER_POOL; WebAuthnNotEnabledException; WebAuthn is not enabled for this user pool.; false; WEBAUTHN_NOT_ENABLED",
            "USER_POOL; WebAuthnConfigurationMissingException; Missing WebAuthn configuration.; false; WEBAUTHN_NOT_ENABLED",
            "IDENTITY_POOL; NotAuthorizedException; Invalid login token. Token is not from a supported provider of this identity pool.; false; IDENTITY_POOL_UNTRUSTED",
            "IDENTITY_POOL; NotAuthorizedException; Invalid login token. Issuer doesn't match providerName; false; IDENTITY_POOL_UNTRUSTED",
            "IDENTITY_POOL; NotAuthorizedException; Invalid login token. Incorrect token audience.; false; IDENTITY_POOL_UNTRUSTED",
            "IDENTITY_POOL; NotAuthorizedException; Identity pool eu-west-1:x does not have a provider configured for login provider p; false; IDENTITY_POOL_UNTRUSTED",
            "IDENTITY_POOL; NotAuthorizedException; Unauthenticated access is not supported for this identity pool.; false; GUEST_ACCESS_REFUSED",
            "IDENTITY_POOL; ResourceNotFoundException; IdentityPool 'eu-west-1:x' not found.; false; IDENTITY_POOL_NOT_FOUND",
            "IDENTITY_POOL; InvalidIdentityPoolConfigurationException; Invalid identity pool configuration. Check assigned IAM roles for this pool.; false; IDENTITY_POOL_ROLES_INVALID"})
    void cognitosMisconfigurationAnswersAreRecognised(Api api, String code, String message, boolean secretSet,
                                                     LogMessage expected) {
        assertThat(Misconfigurations.cause(api, code, message, secretSet)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "USER_POOL; NotAuthorizedException; Incorrect username or password.",
            "USER_POOL; NotAuthorizedException; Access Token has been revoked",
            "USER_POOL; ResourceNotFoundException; ",
            "USER_POOL; UserNotFoundException; User does not exist.",
            "USER_POOL; ResourceNotFoundException; Credential not found.",
            "USER_POOL; WebAuthnChallengeNotFoundException; Challenge not found or expired.",
            "USER_POOL; WebAuthnOriginNotAllowedException; Origin not allowed.",
            "IDENTITY_POOL; NotAuthorizedException; Invalid login token. Token expired: 1 >= 0",
            "IDENTITY_POOL; NotAuthorizedException; Access to Identity 'eu-west-1:x' is forbidden.",
            "IDENTITY_POOL; ResourceNotFoundException; Identity 'eu-west-1:x' not found.",
            "IDENTITY_POOL; TooManyRequestsException; Rate exceeded"})
    void aUsersOrAnIdentitysOwnTroubleIsNoMisconfiguration(Api api, String code, String message) {
        assertThat(Misconfigurations.cause(api, code, message, false)).isNull();
    }
}
