package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignInStep;
import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.device.DeviceTracking;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in challenges on real Cognito's answers (the emulator raises only some of them): the next step shown to the
 * page, the challenge kept in the session, the exact answer sent back, and the session signed in at the end.
 */
class SignInFlowTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final RecordingEvents recorder = new RecordingEvents();
    private final List<Object> events = recorder.fired();
    private final SignInFlow flow = new SignInFlow();

    @BeforeEach
    void wire() throws Exception {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client");
        flow.config = config;
        flow.userPool = UserPoolClient.forPool(config, http);
        flow.sealer = Sealers.TEST;
        flow.events = recorder;
        flow.clock = Clock.systemUTC(); // the tokens' expiries are set from the system's now
        flow.devices = new DeviceTracking(flow.userPool, new SharedState(null), Sealers.TEST, config, flow.clock);
    }

    private static String tokens() {
        Instant now = Instant.now();
        String access = POOL.access(now);
        String id = POOL.sign(TokenMinter.idClaims(now));
        return "{\"AuthenticationResult\":{\"AccessToken\":\"" + access + "\",\"IdToken\":\"" + id
                + "\",\"RefreshToken\":\"refresh-1\",\"ExpiresIn\":3600,\"TokenType\":\"Bearer\"},"
                + "\"ChallengeParameters\":{}}";
    }

    private JsonObject sent(int index) {
        return Json.createReader(new StringReader(http.sent().get(index).body())).readObject();
    }

    @Test
    void smsCodeChallengeThenSignedIn() {
        http.thenAnswer(200, "{\"ChallengeName\":\"SMS_MFA\",\"Session\":\"session-1\",\"ChallengeParameters\":"
                + "{\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"SMS\",\"CODE_DELIVERY_DESTINATION\":\"+*******1234\","
                + "\"USER_ID_FOR_SRP\":\"alice\"}}");

        SignInResult first = flow.passwordSignIn(request, "alice@example.com", "pw", Map.of(), SignInMethod.PASSWORD);

        assertThat(first.isSignedIn()).isFalse();
        assertThat(first.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE);
        assertThat(first.nextStep().codeDeliveryDetails().destination()).isEqualTo("+*******1234");
        assertThat(first.nextStep().codeDeliveryDetails().deliveryMedium()).isEqualTo("SMS");
        assertThat(SessionStore.tokens(request)).isNull();
        String sessionBefore = browser.sessionId();

        http.thenAnswer(200, tokens());
        SignInResult second = flow.confirmSignIn(request, "123456", Map.of(), Map.of("step", "mfa"));

        JsonObject answer = sent(1);
        assertThat(http.sent().get(1).target()).endsWith(".RespondToAuthChallenge");
        assertThat(answer.getString("ChallengeName")).isEqualTo("SMS_MFA");
        assertThat(answer.getString("Session")).isEqualTo("session-1");
        assertThat(answer.getJsonObject("ChallengeResponses").getString("SMS_MFA_CODE")).isEqualTo("123456");
        assertThat(answer.getJsonObject("ChallengeResponses").getString("USERNAME"))
                .as("Cognito's own username, not the alias typed").isEqualTo("alice");
        assertThat(answer.getJsonObject("ClientMetadata").getString("step")).isEqualTo("mfa");
        assertThat(second.isSignedIn()).isTrue();
        SessionTokens stored = SessionStore.tokens(request);
        assertThat(stored.username()).isEqualTo("alice");
        assertThat(Sealers.open(stored.refreshToken())).isEqualTo("refresh-1");
        assertThat(SessionStore.pendingSignIn(request)).isNull();
        assertThat(browser.sessionId()).as("new session id at sign-in").isNotEqualTo(sessionBefore);
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedIn.class, e -> {
            assertThat(e.method()).isEqualTo(SignInMethod.CHALLENGE);
            assertThat(e.groups()).containsExactlyInAnyOrder("admin", "user");
            assertThat(e.pool()).as("sessions sign in through the default pool only").isEqualTo("default");
        });
    }

    @Test
    void mfaSelectionAnswersWithCognitosTypeName() throws Exception {
        http.thenAnswer(200, "{\"ChallengeName\":\"SELECT_MFA_TYPE\",\"Session\":\"s\",\"ChallengeParameters\":"
                + "{\"MFAS_CAN_CHOOSE\":\"[\\\"SMS_MFA\\\",\\\"SOFTWARE_TOKEN_MFA\\\"]\"}}");
        SignInResult first = flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);
        assertThat(first.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SELECTION);
        assertThat(first.nextStep().allowedMfaTypes()).containsExactly("SMS", "TOTP");

        http.thenAnswer(200, "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"s2\",\"ChallengeParameters\":{}}");
        SignInResult second = flow.confirmSignIn(request, "TOTP", Map.of(), Map.of());

        assertThat(sent(1).getJsonObject("ChallengeResponses").getString("ANSWER")).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(second.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_TOTP_CODE);
        assertThat(Sealers.TEST.open(Purpose.CHALLENGE_SESSION, SessionStore.pendingSignIn(request).session()))
                .isEqualTo("s2");
    }

    @Test
    void totpSetupShowsTheSecretAndVerifiesTheFirstCode() {
        http.thenAnswer(200, "{\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"s1\",\"ChallengeParameters\":"
                + "{\"MFAS_CAN_SETUP\":\"[\\\"SOFTWARE_TOKEN_MFA\\\"]\"}}");
        http.thenAnswer(200, "{\"SecretCode\":\"JBSWY3DPEHPK3PXP\",\"Session\":\"s2\"}");

        SignInResult first = flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);

        assertThat(http.sent().get(1).target()).endsWith(".AssociateSoftwareToken");
        assertThat(first.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_TOTP_SETUP);
        assertThat(first.nextStep().totpSetupDetails().sharedSecret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(first.nextStep().totpSetupDetails().setupUri())
                .isEqualTo("otpauth://totp/eu-west-1_AbC123:alice?secret=JBSWY3DPEHPK3PXP&issuer=eu-west-1_AbC123");
        assertThat(first.nextStep().totpSetupDetails().toString()).doesNotContain("JBSWY3DPEHPK3PXP");

        http.thenAnswer(200, "{\"Status\":\"SUCCESS\",\"Session\":\"s3\"}");
        http.thenAnswer(200, tokens());
        SignInResult second = flow.confirmSignIn(request, "654321", Map.of(), Map.of());

        assertThat(http.sent().get(2).target()).endsWith(".VerifySoftwareToken");
        assertThat(sent(2).getString("Session")).isEqualTo("s2");
        assertThat(sent(2).getString("UserCode")).isEqualTo("654321");
        assertThat(sent(3).getString("ChallengeName")).isEqualTo("MFA_SETUP");
        assertThat(sent(3).getString("Session")).isEqualTo("s3");
        assertThat(second.isSignedIn()).isTrue();
    }

    @Test
    void newPasswordChallengeListsTheMissingAttributesAndSendsThem() {
        http.thenAnswer(200, "{\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"s\",\"ChallengeParameters\":"
                + "{\"requiredAttributes\":\"[\\\"userAttributes.given_name\\\"]\",\"userAttributes\":\"{}\"}}");
        SignInResult first = flow.passwordSignIn(request, "alice", "temp", Map.of(), SignInMethod.FORM);
        assertThat(first.nextStep().missingAttributes()).containsExactly("given_name");

        http.thenAnswer(200, tokens());
        flow.confirmSignIn(request, "N3w-Passw0rd!", Map.of("given_name", "Alice"), Map.of());

        JsonObject responses = sent(1).getJsonObject("ChallengeResponses");
        assertThat(responses.getString("NEW_PASSWORD")).isEqualTo("N3w-Passw0rd!");
        assertThat(responses.getString("userAttributes.given_name")).isEqualTo("Alice");
    }

    @Test
    void passwordResetRequiredIsANextStepAndAFailedEvent() {
        http.answer(400, "{\"__type\":\"PasswordResetRequiredException\",\"message\":\"Password reset required\"}");

        SignInResult result = flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);

        assertThat(result.isSignedIn()).isFalse();
        assertThat(result.nextStep().signInStep()).isEqualTo(SignInStep.RESET_PASSWORD);
        assertThat(events).singleElement().isInstanceOfSatisfying(SignInFailed.class, e -> {
            assertThat(e.error()).isEqualTo(AuthError.PASSWORD_RESET_REQUIRED);
            assertThat(e.pool()).isEqualTo("default");
        });
    }

    @Test
    void aWrongCodeKeepsTheChallengeForAnotherTry() {
        http.thenAnswer(200, "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"s\",\"ChallengeParameters\":{}}");
        flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);
        http.thenAnswer(400, "{\"__type\":\"CodeMismatchException\",\"message\":\"Invalid code received for user\"}");

        assertThatThrownBy(() -> flow.confirmSignIn(request, "000000", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.CODE_MISMATCH));
        assertThat(SessionStore.pendingSignIn(request)).isNotNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignInFailed.class,
                e -> assertThat(e.method()).isEqualTo(SignInMethod.CHALLENGE));
    }

    @Test
    void theChallengeSessionRestsSealed() {
        http.thenAnswer(200, "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"challenge-session-1\","
                + "\"ChallengeParameters\":{}}");
        flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);

        PendingSignIn pending = SessionStore.pendingSignIn(request);
        assertThat(pending.session().keyId()).isEqualTo("test");
        assertThat(new String(pending.session().ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("challenge-session");
    }

    @Test
    void aChallengeSealedUnderARetiredKeyIsDroppedWithoutAskingCognito() {
        http.thenAnswer(200, "{\"ChallengeName\":\"SOFTWARE_TOKEN_MFA\",\"Session\":\"s\",\"ChallengeParameters\":{}}");
        flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);
        flow.sealer = dev.cognitoee.internal.seal.SessionSealer.withRandomKey(); // the key "test" is retired

        assertThatThrownBy(() -> flow.confirmSignIn(request, "123456", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.NO_SIGN_IN_IN_PROGRESS);
                    assertThat(e.getMessage()).contains("call signIn again");
                });
        assertThat(http.sent()).as("only the sign-in, no answer").hasSize(1);
        assertThat(SessionStore.pendingSignIn(request)).isNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignInFailed.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.NO_SIGN_IN_IN_PROGRESS));
    }

    @Test
    void confirmSignInWithoutAChallengeIsATypedError() {
        assertThatThrownBy(() -> flow.confirmSignIn(request, "123456", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NO_SIGN_IN_IN_PROGRESS));
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        http.answer(400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}");
        CognitoAuthException unknown = catchThrowableOfType(() -> flow.passwordSignIn(request, "nobody", "pw",
                Map.of(), SignInMethod.FORM), CognitoAuthException.class);
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        CognitoAuthException wrongPassword = catchThrowableOfType(() -> flow.passwordSignIn(request, "alice", "pw",
                Map.of(), SignInMethod.FORM), CognitoAuthException.class);

        assertThat(unknown.error()).isEqualTo(wrongPassword.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
        assertThat(unknown.getMessage()).isEqualTo(wrongPassword.getMessage())
                .isEqualTo("Incorrect username or password.");
    }

    @Test
    void signInsPastTheBoundAreRefusedAtOnceAndRefreshesStillGoThrough() throws Exception {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id",
                "4f1client", "cognito.max-concurrent-sign-ins", "2");
        flow.config = config;
        flow.userPool = UserPoolClient.forPool(config, http);
        flow.sealer = Sealers.TEST;
        CountDownLatch twoInFlight = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        http.answer(200, tokens()).beforeAnswer(() -> {
            if (Thread.currentThread().getName().startsWith("sign-in")) {
                twoInFlight.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ExecutorService signIns = Executors.newFixedThreadPool(2, r -> new Thread(r, "sign-in-" + r.hashCode()));
        try {
            List<Future<SignInResult>> inFlight = List.of(
                    signIns.submit(() -> flow.passwordSignIn(new FakeHttp().request(), "a", "pw", Map.of(),
                            SignInMethod.FORM)),
                    signIns.submit(() -> flow.passwordSignIn(new FakeHttp().request(), "b", "pw", Map.of(),
                            SignInMethod.FORM)));
            assertThat(twoInFlight.await(5, TimeUnit.SECONDS)).as("two sign-ins reached Cognito").isTrue();

            assertThatThrownBy(() -> flow.passwordSignIn(request, "c", "pw", Map.of(), SignInMethod.FORM))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.TOO_MANY_REQUESTS));
            int sentBefore = http.sent().size();
            assertThat(flow.userPool.refresh("d", "refresh-d").authenticationResult()).as("a refresh").isNotNull();
            assertThat(http.sent()).hasSize(sentBefore + 1);

            release.countDown();
            for (Future<SignInResult> signIn : inFlight) {
                assertThat(signIn.get(5, TimeUnit.SECONDS).isSignedIn()).isTrue();
            }
            assertThat(flow.passwordSignIn(request, "c", "pw", Map.of(), SignInMethod.FORM).isSignedIn())
                    .as("the permits came back").isTrue();
        } finally {
            release.countDown();
            signIns.shutdownNow();
        }
    }

    @Test
    void aFailedSignInGivesItsPermitBack() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id",
                "4f1client", "cognito.max-concurrent-sign-ins", "1");
        flow.config = config;
        flow.userPool = UserPoolClient.forPool(config, http);
        flow.sealer = Sealers.TEST;
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.FORM))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));
        }
    }
}
