package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.it.demo.Totp;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.MfaStandIn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * {@link MfaStandIn} refuses what Cognito refuses, with Cognito's error shapes, talked to with the AWS SDK as the
 * module does (no server needed): a forged access token, email MFA without an address, challenge sessions that are
 * reused, foreign or answered for another user, a wrong authenticator or email code.
 */
class MfaStandInIT {

    private static CognitoLocal emulator;
    private static MfaStandIn standIn;
    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void start() {
        emulator = CognitoFixture.shared().emulator();
        standIn = MfaStandIn.start(emulator);
        try (CognitoIdentityProviderClient admin = emulator.client()) {
            poolId = admin.createUserPool(b -> b.poolName("mfa-stand-in").mfaConfiguration(UserPoolMfaType.OPTIONAL))
                    .userPool().id();
            clientId = admin.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();
        }
        standIn.requireMfa(clientId);
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(standIn.endpoint())
                .region(CognitoLocal.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    private static String newUser(boolean withEmail) {
        String username = "si-" + UUID.randomUUID().toString().substring(0, 8);
        try (CognitoIdentityProviderClient admin = emulator.client()) {
            admin.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(withEmail ? List.of(AttributeType.builder().name("email")
                            .value(username + "@example.com").build()) : List.of()));
            admin.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(CognitoFixture.PASSWORD)
                    .permanent(true));
        }
        return username;
    }

    private static InitiateAuthResponse signIn(String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", CognitoFixture.PASSWORD)));
    }

    private static String accessToken(String username) {
        try (CognitoIdentityProviderClient direct = emulator.client()) {
            return direct.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", CognitoFixture.PASSWORD)))
                    .authenticationResult().accessToken();
        }
    }

    private static void assertCognitoError(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        });
    }

    private static RespondToAuthChallengeResponse setUpEmail(String username, String session, String address) {
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(ChallengeNameType.MFA_SETUP)
                .session(session).challengeResponses(Map.of("USERNAME", username, "EMAIL", address)));
    }

    @Test
    void aForgedAccessTokenIsNotAuthorized() {
        String token = accessToken(newUser(true));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertCognitoError(() -> cognito.setUserMFAPreference(b -> b.accessToken(forged)
                .emailMfaSettings(s -> s.enabled(true))), "NotAuthorizedException");
        assertThat(cognito.getUser(b -> b.accessToken(token)).userMFASettingList()).isEmpty();
    }

    @Test
    void emailMfaNeedsAnEmailAddress() {
        String token = accessToken(newUser(false));

        assertCognitoError(() -> cognito.setUserMFAPreference(b -> b.accessToken(token)
                .emailMfaSettings(s -> s.enabled(true))), "InvalidParameterException");
    }

    @Test
    void aSetupSessionServesItsUserOnceAndAnAddressMustBeOne() {
        String username = newUser(true);
        String session = signIn(username).session();

        assertCognitoError(() -> setUpEmail(username, session, "not an address"), "InvalidParameterException");
        assertCognitoError(() -> setUpEmail("someone-else", session, "x@example.com"), "NotAuthorizedException");
        String other = signIn(username).session();
        RespondToAuthChallengeResponse code = setUpEmail(username, other, username + "@example.org");
        assertThat(code.challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(code.challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL");
        assertCognitoError(() -> setUpEmail(username, other, username + "@example.org"), "NotAuthorizedException");
    }

    @Test
    void aWrongEmailCodeIsCodeMismatchAndTheThirdEndsTheSession() {
        String username = newUser(true);
        String address = username + "@example.org";
        String session = setUpEmail(username, signIn(username).session(), address).session();
        String right = standIn.lastCode(address).orElseThrow();
        String wrong = right.equals("000000") ? "000001" : "000000";
        Runnable answerWrong = () -> cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.EMAIL_OTP).session(session)
                .challengeResponses(Map.of("USERNAME", username, "EMAIL_OTP_CODE", wrong)));

        assertCognitoError(answerWrong, "CodeMismatchException");
        assertCognitoError(answerWrong, "CodeMismatchException");
        assertCognitoError(answerWrong, "NotAuthorizedException");
        assertCognitoError(() -> cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.EMAIL_OTP).session(session)
                .challengeResponses(Map.of("USERNAME", username, "EMAIL_OTP_CODE", right))), "NotAuthorizedException");
    }

    @Test
    void aWrongAuthenticatorCodeIsCognitosEnableSoftwareTokenMfaException() {
        String username = newUser(true);
        var association = cognito.associateSoftwareToken(b -> b.session(signIn(username).session()));
        String code = Totp.code(association.secretCode(), Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);

        assertCognitoError(() -> cognito.verifySoftwareToken(b -> b.session(association.session()).userCode(wrong)),
                "EnableSoftwareTokenMFAException");
        var verified = cognito.verifySoftwareToken(b -> b.session(association.session()).userCode(code));
        RespondToAuthChallengeResponse tokens = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.MFA_SETUP).session(verified.session())
                .challengeResponses(Map.of("USERNAME", username)));
        assertThat(tokens.authenticationResult().accessToken()).isNotBlank();
    }
}
