package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignInStep;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.device.DeviceTracking;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MFA set up during sign-in (Cognito's {@code MFA_SETUP}), on Cognito's documented shapes: the choice between an
 * authenticator app and email, email setup (the address sent as {@code EMAIL}, then Cognito's {@code EMAIL_OTP}),
 * and what is refused without a call.
 */
class MfaSetupSignInTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    private static final String BOTH = "{\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"s1\",\"ChallengeParameters\":"
            + "{\"MFAS_CAN_SETUP\":\"[\\\"SMS_MFA\\\",\\\"SOFTWARE_TOKEN_MFA\\\",\\\"EMAIL_OTP\\\"]\","
            + "\"USER_ID_FOR_SRP\":\"alice\"}}";
    private static final String EMAIL_ONLY = "{\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"s1\","
            + "\"ChallengeParameters\":{\"MFAS_CAN_SETUP\":\"[\\\"EMAIL_OTP\\\"]\"}}";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final SignInFlow flow = new SignInFlow();

    @BeforeEach
    void wire() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client");
        flow.config = config;
        flow.userPool = UserPoolClient.forPool(config, http);
        flow.sealer = Sealers.TEST;
        flow.events = new RecordingEvents();
        flow.clock = Clock.systemUTC();
        flow.devices = new DeviceTracking(flow.userPool, new SharedState(null), Sealers.TEST, config, flow.clock);
    }

    private static String tokens() {
        Instant now = Instant.now();
        return "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\",\"RefreshToken\":\"refresh-1\",\"ExpiresIn\":3600,"
                + "\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}";
    }

    private JsonObject sent(int index) {
        return Json.createReader(new StringReader(http.sent().get(index).body())).readObject();
    }

    private SignInResult signIn() {
        return flow.passwordSignIn(request, "alice@example.com", "pw", Map.of(), SignInMethod.PASSWORD);
    }

    @Test
    void bothTypesAskForAChoiceAndEmailSetupEndsWithTheEmailedCode() {
        http.thenAnswer(200, BOTH);

        SignInResult choice = signIn();

        assertThat(choice.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION);
        assertThat(choice.nextStep().allowedMfaTypes()).as("SMS cannot be set up here, as in Amplify")
                .containsExactlyInAnyOrder("TOTP", "EMAIL");
        assertThat(http.sent()).as("nothing associated before the choice").hasSize(1);

        SignInResult emailSetup = flow.confirmSignIn(request, "EMAIL", Map.of(), Map.of());

        assertThat(emailSetup.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_EMAIL_SETUP);
        assertThat(http.sent()).as("a choice is no call to Cognito").hasSize(1);

        http.thenAnswer(200, "{\"ChallengeName\":\"EMAIL_OTP\",\"Session\":\"s2\",\"ChallengeParameters\":"
                + "{\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"EMAIL\",\"CODE_DELIVERY_DESTINATION\":\"a***@e***\"}}");
        SignInResult code = flow.confirmSignIn(request, " alice@example.com ", Map.of(), Map.of("step", "setup"));

        JsonObject setup = sent(1);
        assertThat(http.sent().get(1).target()).endsWith(".RespondToAuthChallenge");
        assertThat(setup.getString("ChallengeName")).isEqualTo("MFA_SETUP");
        assertThat(setup.getString("Session")).as("the challenge's own session").isEqualTo("s1");
        assertThat(setup.getJsonObject("ChallengeResponses").getString("EMAIL")).isEqualTo("alice@example.com");
        assertThat(setup.getJsonObject("ChallengeResponses").getString("USERNAME")).isEqualTo("alice");
        assertThat(setup.getJsonObject("ClientMetadata").getString("step")).isEqualTo("setup");
        assertThat(code.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_EMAIL_CODE);
        assertThat(code.nextStep().codeDeliveryDetails().destination()).isEqualTo("a***@e***");

        http.thenAnswer(200, tokens());
        SignInResult done = flow.confirmSignIn(request, "12345678", Map.of(), Map.of());

        assertThat(sent(2).getString("ChallengeName")).isEqualTo("EMAIL_OTP");
        assertThat(sent(2).getString("Session")).isEqualTo("s2");
        assertThat(sent(2).getJsonObject("ChallengeResponses").getString("EMAIL_OTP_CODE")).isEqualTo("12345678");
        assertThat(done.isSignedIn()).isTrue();
        assertThat(SessionStore.tokens(request)).isNotNull();
        assertThat(SessionStore.pendingSignIn(request)).isNull();
    }

    @Test
    void choosingTheAuthenticatorAppAssociatesItWithTheChallengesSession() {
        http.thenAnswer(200, BOTH);
        signIn();
        http.thenAnswer(200, "{\"SecretCode\":\"JBSWY3DPEHPK3PXP\",\"Session\":\"s2\"}");

        SignInResult setup = flow.confirmSignIn(request, "TOTP", Map.of(), Map.of());

        assertThat(http.sent().get(1).target()).endsWith(".AssociateSoftwareToken");
        assertThat(sent(1).getString("Session")).isEqualTo("s1");
        assertThat(setup.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_TOTP_SETUP);
        assertThat(setup.nextStep().totpSetupDetails().sharedSecret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(setup.nextStep().totpSetupDetails().getSetupUri("Shop").toString())
                .isEqualTo("otpauth://totp/Shop:alice?secret=JBSWY3DPEHPK3PXP&issuer=Shop");

        http.thenAnswer(200, "{\"Status\":\"SUCCESS\",\"Session\":\"s3\"}");
        http.thenAnswer(200, tokens());
        SignInResult done = flow.confirmSignIn(request, "654321", Map.of(), Map.of());

        assertThat(sent(2).getString("Session")).isEqualTo("s2");
        assertThat(sent(2).getString("UserCode")).isEqualTo("654321");
        assertThat(sent(3).getString("ChallengeName")).isEqualTo("MFA_SETUP");
        assertThat(sent(3).getString("Session")).isEqualTo("s3");
        assertThat(done.isSignedIn()).isTrue();
    }

    @Test
    void emailAloneAsksForTheAddressAtOnce() {
        http.thenAnswer(200, EMAIL_ONLY);

        SignInResult result = signIn();

        assertThat(result.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_EMAIL_SETUP);
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void anAnswerThatIsNoChoiceIsRefusedAndTheChoiceStaysOpen() {
        http.thenAnswer(200, BOTH);
        signIn();

        for (String answer : new String[] {"SMS", "123456", "totp"}) {
            assertThatThrownBy(() -> flow.confirmSignIn(request, answer, Map.of(), Map.of()))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
        }
        assertThat(http.sent()).hasSize(1);
        assertThat(flow.confirmSignIn(request, "EMAIL", Map.of(), Map.of()).nextStep().signInStep())
                .isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_EMAIL_SETUP);
    }

    @Test
    void somethingThatIsNoEmailAddressIsRefusedWithoutACall() {
        http.thenAnswer(200, EMAIL_ONLY);
        signIn();

        for (String answer : new String[] {"alice", "@example.com", "alice @example.com"}) {
            assertThatThrownBy(() -> flow.confirmSignIn(request, answer, Map.of(), Map.of()))
                    .isInstanceOfSatisfying(CognitoAuthException.class,
                            e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
        }
        assertThat(http.sent()).hasSize(1);
        assertThat(SessionStore.pendingSignIn(request)).isNotNull();
    }

    @Test
    void anAddressCognitoRefusesIsAClientMistake() {
        http.thenAnswer(200, EMAIL_ONLY);
        signIn();
        http.thenAnswer(400, "{\"__type\":\"InvalidParameterException\",\"message\":\"Invalid email address format.\"}");

        assertThatThrownBy(() -> flow.confirmSignIn(request, "alice@", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
        assertThat(SessionStore.pendingSignIn(request)).as("the user may try another address").isNotNull();
    }

    @Test
    void aWrongFirstAuthenticatorCodeIsCodeMismatchAndMayBeRetried() {
        http.thenAnswer(200, "{\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"s1\",\"ChallengeParameters\":"
                + "{\"MFAS_CAN_SETUP\":\"[\\\"SOFTWARE_TOKEN_MFA\\\"]\"}}");
        http.thenAnswer(200, "{\"SecretCode\":\"JBSWY3DPEHPK3PXP\",\"Session\":\"s2\"}");
        signIn();
        http.thenAnswer(400, "{\"__type\":\"EnableSoftwareTokenMFAException\","
                + "\"message\":\"Code mismatch and fail enable Software Token MFA\"}");

        assertThatThrownBy(() -> flow.confirmSignIn(request, "000000", Map.of(), Map.of()))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.CODE_MISMATCH));
        assertThat(SessionStore.pendingSignIn(request)).isNotNull();
    }

    @Test
    void onlyTypesThatCannotBeSetUpHereEndTheSignIn() {
        http.thenAnswer(200, "{\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"s1\",\"ChallengeParameters\":"
                + "{\"MFAS_CAN_SETUP\":\"[\\\"SMS_MFA\\\"]\"}}");

        assertThatThrownBy(this::signIn).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.UNEXPECTED));
        assertThat(SessionStore.pendingSignIn(request)).isNull();
    }
}
