package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInOptions;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignInStep;
import dev.cognitoee.SignUpResult;
import dev.cognitoee.SignUpStep;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.device.DeviceTracking;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.it.support.SrpStandInMath;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Custom auth, choice-based sign-in ({@code USER_AUTH}) and auto sign-in on Cognito's documented request and response
 * shapes (API reference: InitiateAuth, RespondToAuthChallenge, ConfirmSignUp): what goes on the wire at each step,
 * the steps the application sees, and the refusals made before Cognito is called. The passkey (WEB_AUTHN) and SMS
 * steps and PASSWORD_SRP as a first factor rest on these shapes only; the IT runs the others end to end.
 */
class UserAuthSignInFlowTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    /** Cognito's CREDENTIAL_REQUEST_OPTIONS: a WebAuthn PublicKeyCredentialRequestOptions, as JSON in a string. */
    private static final String REQUEST_OPTIONS = "{\"challenge\":\"x7tU0b3Eh1M\",\"timeout\":180000,"
            + "\"rpId\":\"auth.example.com\",\"allowCredentials\":[{\"type\":\"public-key\",\"id\":\"AbCd\"}],"
            + "\"userVerification\":\"preferred\"}";
    private static final String CREDENTIAL = "{\"id\":\"AbCd\",\"rawId\":\"AbCd\",\"type\":\"public-key\","
            + "\"response\":{\"authenticatorData\":\"SZYN5Y\",\"clientDataJSON\":\"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0\","
            + "\"signature\":\"MEUCIQ\",\"userHandle\":\"YWxpY2U\"},\"clientExtensionResults\":{}}";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final HttpServletRequest request = new FakeHttp().request();
    private final RecordingEvents recorder = new RecordingEvents();
    private final CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1client");
    private final UserPoolClient userPool = UserPoolClient.forPool(config, http);
    private final SignInFlow flow = new SignInFlow();
    private final OptionsSignIn options = new OptionsSignIn();
    private final AutoSignIn autoSignIn = new AutoSignIn();

    UserAuthSignInFlowTest() {
        flow.config = config;
        flow.userPool = userPool;
        flow.sealer = Sealers.TEST;
        flow.events = recorder;
        flow.clock = Clock.systemUTC();
        flow.devices = new DeviceTracking(flow.userPool, new SharedState(null), Sealers.TEST, config, flow.clock);
        options.signInFlow = flow;
        options.userPool = userPool;
        options.clock = Clock.systemUTC();
        autoSignIn.signInFlow = flow;
        autoSignIn.userPool = userPool;
        autoSignIn.sealer = Sealers.TEST;
    }

    private JsonObject sent(int index) {
        return Json.createReader(new StringReader(http.sent().get(index).body())).readObject();
    }

    private static String tokens() {
        Instant now = Instant.now();
        return "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\",\"RefreshToken\":\"refresh-1\",\"ExpiresIn\":3600,"
                + "\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}";
    }

    private static String selectChallenge() {
        return "{\"ChallengeName\":\"SELECT_CHALLENGE\",\"Session\":\"select-1\",\"ChallengeParameters\":{},"
                + "\"AvailableChallenges\":[\"PASSWORD\",\"PASSWORD_SRP\",\"EMAIL_OTP\",\"SMS_OTP\",\"WEB_AUTHN\"]}";
    }

    private static String passwordVerifier(String username) {
        SrpStandInMath.Verifier verifier = SrpStandInMath.verifier("AbC123", username, "pw", new SecureRandom());
        String srpB = SrpStandInMath.serverHalf(verifier, new SecureRandom()).publicValue().toString(16);
        return "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Session\":\"srp-1\",\"ChallengeParameters\":{\"SALT\":\""
                + verifier.salt().toString(16) + "\",\"SECRET_BLOCK\":\""
                + Base64.getEncoder().encodeToString(new byte[] {7, 7, 7}) + "\",\"SRP_B\":\"" + srpB
                + "\",\"USERNAME\":\"" + username + "\",\"USER_ID_FOR_SRP\":\"" + username + "\"}}";
    }

    /** The attribute as Payara writes it into a session store or its data grid. */
    private static byte[] serialised(Object attribute) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attribute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private SignInResult chooseFirstFactor() {
        http.thenAnswer(200, selectChallenge());
        return options.signIn(request, "alice", null, SignInOptions.userAuth(null));
    }

    @Test
    void withoutAPreferenceTheUserChoosesAmongTheFactorsCognitoOffers() {
        SignInResult result = chooseFirstFactor();

        JsonObject initiate = sent(0);
        assertThat(initiate.getString("AuthFlow")).isEqualTo("USER_AUTH");
        assertThat(initiate.getJsonObject("AuthParameters")).containsOnlyKeys("USERNAME");
        assertThat(result.isSignedIn()).isFalse();
        assertThat(result.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION);
        assertThat(result.nextStep().availableChallenges())
                .containsExactly("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN");
        assertThat(SessionStore.pendingSignIn(request).challenge()).isEqualTo("SELECT_CHALLENGE");
    }

    @Test
    void choosingEmailOtpAnswersSelectChallengeAndTheCodeSignsIn() {
        chooseFirstFactor();
        http.thenAnswer(200, "{\"ChallengeName\":\"EMAIL_OTP\",\"Session\":\"otp-1\",\"ChallengeParameters\":{"
                + "\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"EMAIL\",\"CODE_DELIVERY_DESTINATION\":\"a***@e***\"}}");

        SignInResult codeSent = flow.confirmSignIn(request, "EMAIL_OTP", Map.of(), Map.of());

        JsonObject select = sent(1);
        assertThat(select.getString("ChallengeName")).isEqualTo("SELECT_CHALLENGE");
        assertThat(select.getString("Session")).isEqualTo("select-1");
        assertThat(select.getJsonObject("ChallengeResponses")).isEqualTo(Json.createObjectBuilder()
                .add("ANSWER", "EMAIL_OTP").add("USERNAME", "alice").build());
        assertThat(codeSent.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_EMAIL_CODE);
        assertThat(codeSent.nextStep().codeDeliveryDetails().destination()).isEqualTo("a***@e***");

        http.thenAnswer(200, tokens());
        SignInResult done = flow.confirmSignIn(request, "123456", Map.of(), Map.of("k", "v"));

        assertThat(sent(2).getString("ChallengeName")).isEqualTo("EMAIL_OTP");
        assertThat(sent(2).getString("Session")).isEqualTo("otp-1");
        assertThat(sent(2).getJsonObject("ChallengeResponses").getString("EMAIL_OTP_CODE")).isEqualTo("123456");
        assertThat(sent(2).getJsonObject("ClientMetadata").getString("k")).isEqualTo("v");
        assertThat(done.isSignedIn()).isTrue();
        assertThat(recorder.fired()).singleElement().isInstanceOfSatisfying(SignedIn.class,
                e -> assertThat(e.method()).isEqualTo(SignInMethod.CHALLENGE));
    }

    @Test
    void choosingThePasswordCallsNobodyUntilThePasswordGoesWithTheChoice() {
        chooseFirstFactor();

        SignInResult askPassword = flow.confirmSignIn(request, "PASSWORD", Map.of(), Map.of());

        assertThat(http.sent()).hasSize(1);
        assertThat(askPassword.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_PASSWORD);
        http.thenAnswer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        CognitoAuthException wrong = catchThrowableOfType(() -> flow.confirmSignIn(request, "nope", Map.of(),
                Map.of()), CognitoAuthException.class);
        assertThat(wrong.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
        assertThat(wrong.getMessage()).isEqualTo("Incorrect username or password.");

        http.thenAnswer(200, tokens());
        SignInResult done = flow.confirmSignIn(request, "pw", Map.of(), Map.of());

        JsonObject answer = sent(2);
        assertThat(answer.getString("ChallengeName")).isEqualTo("SELECT_CHALLENGE");
        assertThat(answer.getString("Session")).isEqualTo("select-1");
        assertThat(answer.getJsonObject("ChallengeResponses")).isEqualTo(Json.createObjectBuilder()
                .add("ANSWER", "PASSWORD").add("PASSWORD", "pw").add("USERNAME", "alice").build());
        assertThat(done.isSignedIn()).isTrue();
    }

    @Test
    void choosingPasswordSrpSendsAProofNotThePassword() {
        chooseFirstFactor();
        flow.confirmSignIn(request, "PASSWORD_SRP", Map.of(), Map.of());
        http.thenAnswer(200, passwordVerifier("alice"));
        http.thenAnswer(200, tokens());

        SignInResult done = flow.confirmSignIn(request, "pw", Map.of(), Map.of());

        JsonObject select = sent(1).getJsonObject("ChallengeResponses");
        assertThat(select.getString("ANSWER")).isEqualTo("PASSWORD_SRP");
        assertThat(select.getString("SRP_A")).matches("[0-9a-f]+");
        assertThat(sent(2).getString("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(sent(2).getString("Session")).isEqualTo("srp-1");
        assertThat(sent(2).getJsonObject("ChallengeResponses")).containsKeys("PASSWORD_CLAIM_SIGNATURE",
                "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP");
        assertThat(http.sent()).noneMatch(s -> s.body().contains("\"pw\""));
        assertThat(done.isSignedIn()).isTrue();
    }

    @Test
    void thePreferredChallengeGoesWithInitiateAuth() {
        http.thenAnswer(200, tokens());
        assertThat(options.signIn(request, "alice", "pw", SignInOptions.userAuth("PASSWORD")).isSignedIn()).isTrue();
        assertThat(sent(0).getJsonObject("AuthParameters")).isEqualTo(Json.createObjectBuilder()
                .add("USERNAME", "alice").add("PREFERRED_CHALLENGE", "PASSWORD").add("PASSWORD", "pw").build());

        http.thenAnswer(200, passwordVerifier("alice"));
        http.thenAnswer(200, tokens());
        options.signIn(new FakeHttp().request(), "alice", "pw", SignInOptions.userAuth("PASSWORD_SRP"));
        assertThat(sent(1).getJsonObject("AuthParameters")).containsKeys("SRP_A").doesNotContainKey("PASSWORD");
        assertThat(sent(2).getString("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");

        http.thenAnswer(200, "{\"ChallengeName\":\"SMS_OTP\",\"Session\":\"sms-1\",\"ChallengeParameters\":{"
                + "\"CODE_DELIVERY_DELIVERY_MEDIUM\":\"SMS\",\"CODE_DELIVERY_DESTINATION\":\"+*******1234\"}}");
        HttpServletRequest smsRequest = new FakeHttp().request();
        SignInResult sms = options.signIn(smsRequest, "alice", null, SignInOptions.userAuth("SMS_OTP"));
        assertThat(sms.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE);
        assertThat(sms.nextStep().codeDeliveryDetails().deliveryMedium()).isEqualTo("SMS");
        http.thenAnswer(200, tokens());
        flow.confirmSignIn(smsRequest, "654321", Map.of(), Map.of());
        assertThat(sent(4).getJsonObject("ChallengeResponses").getString("SMS_OTP_CODE")).isEqualTo("654321");
    }

    @Test
    void aPasskeyStepHandsOverCognitosOptionsAndRelaysTheBrowsersCredential() {
        chooseFirstFactor();
        http.thenAnswer(200, "{\"ChallengeName\":\"WEB_AUTHN\",\"Session\":\"webauthn-1\",\"ChallengeParameters\":{"
                + "\"CREDENTIAL_REQUEST_OPTIONS\":" + Json.createValue(REQUEST_OPTIONS) + "}}");

        SignInResult passkey = flow.confirmSignIn(request, "WEB_AUTHN", Map.of(), Map.of());

        assertThat(passkey.nextStep().signInStep()).isEqualTo(SignInStep.CONTINUE_SIGN_IN_WITH_WEB_AUTHN);
        assertThat(passkey.nextStep().credentialRequestOptions()).isEqualTo(REQUEST_OPTIONS);
        http.thenAnswer(200, tokens());
        SignInResult done = flow.confirmSignIn(request, CREDENTIAL, Map.of(), Map.of());

        JsonObject answer = sent(2);
        assertThat(answer.getString("ChallengeName")).isEqualTo("WEB_AUTHN");
        assertThat(answer.getString("Session")).isEqualTo("webauthn-1");
        assertThat(answer.getJsonObject("ChallengeResponses").getString("CREDENTIAL")).isEqualTo(CREDENTIAL);
        assertThat(done.isSignedIn()).isTrue();
    }

    @Test
    void aPasskeyAnswerThatIsNoJsonObjectOrTooLargeIsRefusedBeforeCognito() {
        chooseFirstFactor();
        http.thenAnswer(200, "{\"ChallengeName\":\"WEB_AUTHN\",\"Session\":\"webauthn-1\",\"ChallengeParameters\":{"
                + "\"CREDENTIAL_REQUEST_OPTIONS\":" + Json.createValue(REQUEST_OPTIONS) + "}}");
        flow.confirmSignIn(request, "WEB_AUTHN", Map.of(), Map.of());

        String tooLarge = "{\"id\":\"" + "A".repeat(FirstFactor.MAX_CREDENTIAL_CHARS) + "\"}";
        for (String bad : List.of("not json", "[1,2]", "\"a string\"", "{\"id\":", tooLarge)) {
            CognitoAuthException refused = catchThrowableOfType(() -> flow.confirmSignIn(request, bad, Map.of(),
                    Map.of()), CognitoAuthException.class);
            assertThat(refused.error()).as(bad.length() > 40 ? "too large" : bad)
                    .isEqualTo(AuthError.INVALID_PARAMETER);
            assertThat(refused.getMessage()).doesNotContain(bad.length() > 40 ? "AAAA" : bad);
        }
        assertThat(http.sent()).hasSize(2);
        assertThat(SessionStore.pendingSignIn(request).challenge()).as("the user may try again")
                .isEqualTo("WEB_AUTHN");
    }

    @Test
    void aFactorNotOfferedIsRefusedBeforeCognito() {
        http.thenAnswer(200, "{\"ChallengeName\":\"SELECT_CHALLENGE\",\"Session\":\"select-1\","
                + "\"ChallengeParameters\":{},\"AvailableChallenges\":[\"PASSWORD\",\"EMAIL_OTP\"]}");
        options.signIn(request, "alice", null, SignInOptions.userAuth(null));

        for (String factor : List.of("WEB_AUTHN", "PASSWORD_SRP", "anything")) {
            CognitoAuthException refused = catchThrowableOfType(() -> flow.confirmSignIn(request, factor, Map.of(),
                    Map.of()), CognitoAuthException.class);
            assertThat(refused.error()).as(factor).isEqualTo(AuthError.INVALID_PARAMETER);
        }
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void optionsThatCannotWorkAreRefusedBeforeCognito() {
        for (Runnable call : List.<Runnable>of(
                () -> options.signIn(request, "alice", null, SignInOptions.userAuth("MAGIC_LINK")),
                () -> options.signIn(request, "alice", null, SignInOptions.userAuth("PASSWORD")),
                () -> options.signIn(request, "alice", "", SignInOptions.userAuth("PASSWORD_SRP")),
                () -> options.signIn(request, " ", null, SignInOptions.customAuth()),
                () -> options.signIn(request, "alice", null, new SignInOptions(
                        SignInOptions.AuthFlowType.CUSTOM_WITHOUT_SRP, "EMAIL_OTP", Map.of())))) {
            CognitoAuthException refused = catchThrowableOfType(call::run, CognitoAuthException.class);
            assertThat(refused.error()).isEqualTo(AuthError.INVALID_PARAMETER);
        }
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void customAuthAnswersForTheUserCognitoNamesWithTheMetadataOfEachAnswer() {
        http.thenAnswer(200, "{\"ChallengeName\":\"CUSTOM_CHALLENGE\",\"Session\":\"custom-1\","
                + "\"ChallengeParameters\":{\"USERNAME\":\"alice\",\"question\":\"Code word 1?\"}}");

        SignInResult challenge = options.signIn(request, "alice@example.com", null,
                SignInOptions.customAuth().withClientMetadata(Map.of("campaign", "spring")));

        assertThat(sent(0).getString("AuthFlow")).isEqualTo("CUSTOM_AUTH");
        assertThat(sent(0).getJsonObject("AuthParameters")).isEqualTo(Json.createObjectBuilder()
                .add("USERNAME", "alice@example.com").build());
        assertThat(sent(0).getJsonObject("ClientMetadata").getString("campaign")).isEqualTo("spring");
        assertThat(challenge.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE);
        assertThat(challenge.nextStep().additionalInfo()).containsEntry("question", "Code word 1?");

        http.thenAnswer(200, tokens());
        flow.confirmSignIn(request, "answer-1", Map.of(), Map.of("step", "1"));

        assertThat(sent(1).getString("ChallengeName")).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(sent(1).getJsonObject("ChallengeResponses")).isEqualTo(Json.createObjectBuilder()
                .add("ANSWER", "answer-1").add("USERNAME", "alice").build());
        assertThat(sent(1).getJsonObject("ClientMetadata").getString("step")).isEqualTo("1");
    }

    @Test
    void autoSignInUsesConfirmSignUpsSessionOnce() {
        autoSignIn.signedUp(request, "bob", "signup-session");
        http.thenAnswer(200, "{\"Session\":\"confirmed-session\"}");

        SignUpResult confirmed = autoSignIn.confirmSignUp(request, "bob", "123456", Map.of());

        assertThat(sent(0).getString("Session")).isEqualTo("signup-session");
        assertThat(confirmed.nextStep()).isEqualTo(SignUpStep.COMPLETE_AUTO_SIGN_IN);
        Object pending = request.getSession().getAttribute(AutoSignIn.PENDING);
        assertThat(pending.toString()).doesNotContain("confirmed-session");
        assertThat(new String(serialised(pending), StandardCharsets.ISO_8859_1)).as("sealed at rest")
                .doesNotContain("confirmed-session");

        http.thenAnswer(200, tokens());
        SignInResult signedIn = autoSignIn.autoSignIn(request);

        assertThat(sent(1).getString("AuthFlow")).isEqualTo("USER_AUTH");
        assertThat(sent(1).getJsonObject("AuthParameters")).isEqualTo(Json.createObjectBuilder()
                .add("USERNAME", "bob").add("SESSION", "confirmed-session").build());
        assertThat(signedIn.isSignedIn()).isTrue();
        assertThat(recorder.fired()).singleElement().isInstanceOfSatisfying(SignedIn.class,
                e -> assertThat(e.method()).isEqualTo(SignInMethod.AUTO_SIGN_IN));
        CognitoAuthException again = catchThrowableOfType(() -> autoSignIn.autoSignIn(request),
                CognitoAuthException.class);
        assertThat(again.error()).isEqualTo(AuthError.NO_SIGN_IN_IN_PROGRESS);
        assertThat(http.sent()).hasSize(2);
    }

    @Test
    void withoutAPendingSignUpConfirmSignUpSendsNoSessionAndThereIsNoAutoSignIn() {
        autoSignIn.signedUp(request, "bob", "signup-session");
        http.thenAnswer(200, "{}");

        SignUpResult other = autoSignIn.confirmSignUp(request, "carol", "123456", Map.of());

        assertThat(sent(0).containsKey("Session")).isFalse();
        assertThat(other.nextStep()).isEqualTo(SignUpStep.DONE);
        CognitoAuthException refused = catchThrowableOfType(() -> autoSignIn.autoSignIn(request),
                CognitoAuthException.class);
        assertThat(refused.error()).isEqualTo(AuthError.NO_SIGN_IN_IN_PROGRESS);
        assertThat(http.sent()).hasSize(1);
    }
}
