package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A password sign-in with {@code cognito.sign-in.auth-flow=USER_SRP_AUTH}, on Cognito's answers: the SRP exchange
 * leads into the usual challenge handling (a new password here) for Cognito's USER_ID_FOR_SRP, and a wrong
 * password or an unknown user is the usual {@code NOT_AUTHORIZED}, with its event.
 */
class SrpSignInFlowTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    private static final String USER_ID = "alice";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final RecordingEvents recorder = new RecordingEvents();
    private final List<Object> events = recorder.fired();
    private final SrpStandInMath.Verifier verifier = SrpStandInMath.verifier("AbC123", USER_ID, "pw",
            new SecureRandom());

    private SignInFlow flow(String... authFlow) {
        CognitoConfig config = authFlow.length == 0
                ? Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client")
                : Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client",
                "cognito.sign-in.auth-flow", authFlow[0]);
        SignInFlow flow = new SignInFlow();
        flow.config = config;
        flow.userPool = UserPoolClient.forPool(config, http);
        flow.sealer = Sealers.TEST;
        flow.events = recorder;
        flow.clock = Clock.systemUTC(); // the tokens' expiries are set from the system's now
        flow.devices = new DeviceTracking(flow.userPool, new SharedState(null), Sealers.TEST, config, flow.clock);
        return flow;
    }

    private String passwordVerifier() {
        String srpB = SrpStandInMath.serverHalf(verifier, new SecureRandom()).publicValue().toString(16);
        return "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Session\":\"srp-1\",\"ChallengeParameters\":{\"SALT\":\""
                + verifier.salt().toString(16) + "\",\"SECRET_BLOCK\":\""
                + Base64.getEncoder().encodeToString(new byte[] {7, 7, 7}) + "\",\"SRP_B\":\"" + srpB
                + "\",\"USERNAME\":\"" + USER_ID + "\",\"USER_ID_FOR_SRP\":\"" + USER_ID + "\"}}";
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

    @Test
    void theSrpExchangeLeadsIntoTheNewPasswordChallengeOfCognitosUser() {
        SignInFlow flow = flow("USER_SRP_AUTH");
        http.thenAnswer(200, passwordVerifier());
        // Cognito's next challenge; its parameters need not repeat USER_ID_FOR_SRP
        http.thenAnswer(200, "{\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"np-1\","
                + "\"ChallengeParameters\":{\"requiredAttributes\":\"[]\",\"userAttributes\":\"{}\"}}");

        SignInResult first = flow.passwordSignIn(request, "alice@example.com", "pw", Map.of(), SignInMethod.FORM);

        assertThat(sent(0).getString("AuthFlow")).isEqualTo("USER_SRP_AUTH");
        assertThat(sent(1).getString("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(first.isSignedIn()).isFalse();
        assertThat(first.nextStep().signInStep()).isEqualTo(SignInStep.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED);
        assertThat(SessionStore.pendingSignIn(request).username()).isEqualTo(USER_ID);
        assertThat(SessionStore.tokens(request)).isNull();

        http.thenAnswer(200, tokens());
        SignInResult second = flow.confirmSignIn(request, "N3w-Passw0rd!", Map.of(), Map.of());

        JsonObject answer = sent(2);
        assertThat(answer.getString("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(answer.getString("Session")).isEqualTo("np-1");
        assertThat(answer.getJsonObject("ChallengeResponses").getString("USERNAME")).isEqualTo(USER_ID);
        assertThat(answer.getJsonObject("ChallengeResponses").getString("NEW_PASSWORD")).isEqualTo("N3w-Passw0rd!");
        assertThat(second.isSignedIn()).isTrue();
        assertThat(SessionStore.tokens(request)).isNotNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedIn.class,
                e -> assertThat(e.method()).isEqualTo(SignInMethod.CHALLENGE));
    }

    @Test
    void theSrpExchangeSignsInWhenCognitoAnswersWithTokens() {
        SignInFlow flow = flow("USER_SRP_AUTH");
        http.thenAnswer(200, passwordVerifier());
        http.thenAnswer(200, tokens());

        SignInResult result = flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);

        assertThat(result.isSignedIn()).isTrue();
        assertThat(http.sent()).hasSize(2).noneMatch(sent -> sent.body().contains("\"pw\""));
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedIn.class,
                e -> assertThat(e.method()).isEqualTo(SignInMethod.PASSWORD));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreTheUsualNotAuthorizedWithTheirEvent() {
        SignInFlow flow = flow("USER_SRP_AUTH");
        http.thenAnswer(200, passwordVerifier());
        http.thenAnswer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        CognitoAuthException wrongPassword = catchThrowableOfType(() -> flow.passwordSignIn(request, "alice",
                "nope", Map.of(), SignInMethod.FORM), CognitoAuthException.class);
        http.thenAnswer(400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}");
        CognitoAuthException unknown = catchThrowableOfType(() -> flow.passwordSignIn(request, "nobody",
                "nope", Map.of(), SignInMethod.FORM), CognitoAuthException.class);

        assertThat(wrongPassword.error()).isEqualTo(unknown.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
        assertThat(wrongPassword.getMessage()).isEqualTo(unknown.getMessage())
                .isEqualTo("Incorrect username or password.");
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(SignInFailed.class,
                failed -> assertThat(failed.error()).isEqualTo(AuthError.NOT_AUTHORIZED)));
        assertThat(SessionStore.tokens(request)).isNull();
        assertThat(SessionStore.pendingSignIn(request)).isNull();
    }

    @Test
    void passwordAuthStaysTheDefault() {
        SignInFlow flow = flow();
        http.thenAnswer(200, tokens());

        flow.passwordSignIn(request, "alice", "pw", Map.of(), SignInMethod.PASSWORD);

        assertThat(sent(0).getString("AuthFlow")).isEqualTo("USER_PASSWORD_AUTH");
        assertThat(http.sent()).hasSize(1);
    }
}
