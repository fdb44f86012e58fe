package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CustomAuthTriggers;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LambdaRecorder;
import dev.cognitoee.it.support.LambdaRecorder.Invocation;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.it.support.UserAuthStandIn;
import dev.cognitoee.it.userauth.UserAuthResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * Custom auth ({@code CUSTOM_AUTH}), choice-based sign-in ({@code USER_AUTH}: first-factor selection, password, email
 * code) and auto sign-in after a confirmation code, through {@code CognitoAuth} in a real Payara Micro. The emulator
 * has none of these: {@link UserAuthStandIn} plays Cognito's side in front of it (invoking the custom-auth triggers of
 * the {@link LambdaRecorder}, checking codes and sessions) and hands out the emulator's real tokens.
 */
@ExtendWith(SharedPayara.class)
class UserAuthIT {

    private static final String APP = "userauth";

    private static UserAuthStandIn standIn;
    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        CognitoFixture fixture = CognitoFixture.shared();
        standIn = UserAuthStandIn.start(fixture.emulator(), fixture.poolId, LambdaRecorder.shared());
        String clientId;
        try (CognitoIdentityProviderClient cognito = fixture.emulator().client()) {
            clientId = cognito.createUserPoolClient(b -> b.userPoolId(fixture.poolId).clientName("choice")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        }
        Map<String, String> settings = TestWars.poolSettings(fixture.emulator(), fixture.poolId, clientId);
        settings.put("cognito.endpoint", standIn.endpoint().toString());
        base = payara.deploy(TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(UserAuthResource.class.getPackage())).url(APP);
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    private static String newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        standIn.register(username, CognitoFixture.PASSWORD);
        return username;
    }

    private static JsonObject json(Object... keyValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] instanceof Map<?, ?> map) {
                var nested = Json.createObjectBuilder();
                map.forEach((k, v) -> nested.add((String) k, (String) v));
                builder.add((String) keyValues[i], nested);
            } else if (keyValues[i + 1] instanceof Boolean flag) {
                builder.add((String) keyValues[i], flag);
            } else {
                builder.add((String) keyValues[i], (String) keyValues[i + 1]);
            }
        }
        return builder.build();
    }

    private static List<String> events(String username) {
        return Http.json(Http.get(base, "api/events/" + username)).getJsonArray("sync")
                .getValuesAs(JsonString::getString);
    }

    private static List<Invocation> triggers(String username, String prefix) {
        return LambdaRecorder.shared().invocationsFor(username).stream()
                .filter(i -> i.triggerSource().startsWith(prefix)).toList();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response).getString("error")).isEqualTo(error);
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("eyJ");
    }

    private static void assertSignedInAs(Browser browser, String username) {
        JsonObject session = Http.json(browser.get("api/account/session"));
        assertThat(session.getBoolean("isSignedIn")).isTrue();
        assertThat(session.getString("username")).isEqualTo(username);
    }

    @Test
    void customAuthAsksTwoQuestionsAndTheMetadataOfEachAnswerReachesAllThreeTriggers() {
        String username = newUser("custom");
        Browser browser = new Browser(base);

        JsonObject first = ok(browser.postJson("api/user-auth/sign-in", json("username", username,
                "flow", "CUSTOM_WITHOUT_SRP", "clientMetadata", Map.of("step", "signIn"))));
        assertThat(first.getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
        assertThat(first.getJsonObject("additionalInfo").getString("question")).isEqualTo("Code word 1?");
        assertThat(first.getJsonObject("additionalInfo")).doesNotContainKey("answer");
        String anonymousSession = browser.sessionId();

        JsonObject second = ok(browser.postJson("api/user-auth/confirm-sign-in", json("answer",
                CustomAuthTriggers.answer(1), "clientMetadata", Map.of("step", "answer1"))));
        assertThat(second.getBoolean("isSignedIn")).isFalse();
        assertThat(second.getJsonObject("additionalInfo").getString("question")).isEqualTo("Code word 2?");

        JsonObject done = ok(browser.postJson("api/user-auth/confirm-sign-in", json("answer",
                CustomAuthTriggers.answer(2), "clientMetadata", Map.of("step", "answer2"))));
        assertThat(done.getBoolean("isSignedIn")).isTrue();
        assertThat(done.getString("nextStep")).isEqualTo("DONE");
        assertThat(browser.sessionId()).as("the session id changes at sign-in").isNotEqualTo(anonymousSession);
        assertSignedInAs(browser, username);
        assertThat(events(username)).containsExactly("SignedIn " + username + " CHALLENGE groups=[user] sub=true");

        // InitiateAuth's metadata reaches none of them (Cognito gives it to PreAuthentication and the like only)
        assertThat(triggers(username, "DefineAuthChallenge")).extracting(Invocation::clientMetadata)
                .containsExactly(Map.of(), Map.of("step", "answer1"), Map.of("step", "answer2"));
        assertThat(triggers(username, "CreateAuthChallenge")).extracting(Invocation::clientMetadata)
                .containsExactly(Map.of(), Map.of("step", "answer1"));
        assertThat(triggers(username, "VerifyAuthChallengeResponse")).extracting(Invocation::clientMetadata)
                .containsExactly(Map.of("step", "answer1"), Map.of("step", "answer2"));
    }

    @Test
    void aWrongCustomAnswerAsksAgainAndTheThirdEndsTheSignIn() {
        String username = newUser("custom-wrong");
        Browser browser = new Browser(base);
        ok(browser.postJson("api/user-auth/sign-in", json("username", username, "flow", "CUSTOM_WITHOUT_SRP")));

        for (int attempt = 1; attempt < CustomAuthTriggers.WRONG_ANSWERS_ALLOWED; attempt++) {
            JsonObject again = ok(browser.postJson("api/user-auth/confirm-sign-in", json("answer", "wrong")));
            assertThat(again.getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
            assertThat(again.getJsonObject("additionalInfo").getString("question")).isEqualTo("Code word 1?");
        }
        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", "wrong")), 401,
                "NOT_AUTHORIZED");

        assertThat(Http.json(browser.get("api/account/session")).getBoolean("isSignedIn")).isFalse();
        assertThat(events(username)).containsExactly("SignInFailed " + username + " CHALLENGE NOT_AUTHORIZED");
        assertThat(triggers(username, "VerifyAuthChallengeResponse")).hasSize(3);
    }

    @Test
    void choosingEmailOtpSendsACodeThatSignsIn() {
        String username = newUser("otp");
        Browser browser = new Browser(base);

        JsonObject choice = ok(browser.postJson("api/user-auth/sign-in", json("username", username,
                "flow", "USER_AUTH")));
        assertThat(choice.getString("nextStep")).isEqualTo("CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION");
        assertThat(choice.getJsonArray("availableChallenges").getValuesAs(JsonString::getString))
                .containsExactly("PASSWORD", "EMAIL_OTP");
        assertThat(standIn.codesSentTo(username)).isEmpty();

        JsonObject codeSent = ok(browser.postJson("api/user-auth/confirm-sign-in", json("answer", "EMAIL_OTP")));
        assertThat(codeSent.getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(codeSent.getString("deliveryMedium")).isEqualTo("EMAIL");
        assertThat(codeSent.getString("destination")).isEqualTo(username.charAt(0) + "***@e***");
        assertThat(standIn.codesSentTo(username)).hasSize(1);
        String anonymousSession = browser.sessionId();

        JsonObject done = ok(browser.postJson("api/user-auth/confirm-sign-in",
                json("answer", standIn.codesSentTo(username).get(0))));
        assertThat(done.getBoolean("isSignedIn")).isTrue();
        assertThat(browser.sessionId()).isNotEqualTo(anonymousSession);
        assertSignedInAs(browser, username);
        assertThat(events(username)).containsExactly("SignedIn " + username + " CHALLENGE groups=[user] sub=true");
    }

    @Test
    void aWrongEmailCodeIsACodeMismatchAndTheThirdEndsTheSignIn() {
        String username = newUser("otp-wrong");
        Browser browser = new Browser(base);
        JsonObject codeSent = ok(browser.postJson("api/user-auth/sign-in", json("username", username,
                "flow", "USER_AUTH", "preferredChallenge", "EMAIL_OTP")));
        assertThat(codeSent.getString("nextStep")).as("the preferred challenge, at once")
                .isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        String code = standIn.codesSentTo(username).get(0);
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", wrong)), 400,
                "CODE_MISMATCH");
        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", wrong)), 400,
                "CODE_MISMATCH");
        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", wrong)), 401,
                "NOT_AUTHORIZED");
        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", code)), 401,
                "NOT_AUTHORIZED");

        assertThat(Http.json(browser.get("api/account/session")).getBoolean("isSignedIn")).isFalse();
        assertThat(events(username)).containsExactly(
                "SignInFailed " + username + " CHALLENGE CODE_MISMATCH",
                "SignInFailed " + username + " CHALLENGE CODE_MISMATCH",
                "SignInFailed " + username + " CHALLENGE NOT_AUTHORIZED",
                "SignInFailed " + username + " CHALLENGE NOT_AUTHORIZED");
    }

    @Test
    void anExpiredCodeSessionIsRefused() {
        String username = newUser("otp-expired");
        Browser browser = new Browser(base);
        ok(browser.postJson("api/user-auth/sign-in", json("username", username, "flow", "USER_AUTH",
                "preferredChallenge", "EMAIL_OTP")));
        standIn.expireSessions();

        assertRefused(browser.postJson("api/user-auth/confirm-sign-in",
                json("answer", standIn.codesSentTo(username).get(0))), 401, "NOT_AUTHORIZED");
        assertThat(Http.json(browser.get("api/account/session")).getBoolean("isSignedIn")).isFalse();
    }

    @Test
    void thePreferredPasswordSignsInAtOnceAndAWrongOneIsNotAuthorized() {
        String username = newUser("pw");

        assertRefused(new Browser(base).postJson("api/user-auth/sign-in", json("username", username,
                "password", "Wr0ng-Password", "flow", "USER_AUTH", "preferredChallenge", "PASSWORD")), 401,
                "NOT_AUTHORIZED");
        Browser browser = new Browser(base);
        JsonObject done = ok(browser.postJson("api/user-auth/sign-in", json("username", username,
                "password", CognitoFixture.PASSWORD, "flow", "USER_AUTH", "preferredChallenge", "PASSWORD")));

        assertThat(done.getBoolean("isSignedIn")).isTrue();
        assertSignedInAs(browser, username);
        assertThat(events(username)).containsExactly("SignInFailed " + username + " PASSWORD NOT_AUTHORIZED",
                "SignedIn " + username + " PASSWORD groups=[user] sub=true");
    }

    @Test
    void choosingThePasswordAsksForItAndAFactorNotOfferedIsRefused() {
        String username = newUser("pw-chosen");
        Browser browser = new Browser(base);
        ok(browser.postJson("api/user-auth/sign-in", json("username", username, "flow", "USER_AUTH")));

        assertRefused(browser.postJson("api/user-auth/confirm-sign-in", json("answer", "WEB_AUTHN")), 400,
                "INVALID_PARAMETER");
        JsonObject askPassword = ok(browser.postJson("api/user-auth/confirm-sign-in", json("answer", "PASSWORD")));
        assertThat(askPassword.getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_PASSWORD");
        JsonObject done = ok(browser.postJson("api/user-auth/confirm-sign-in",
                json("answer", CognitoFixture.PASSWORD)));

        assertThat(done.getBoolean("isSignedIn")).isTrue();
        assertSignedInAs(browser, username);
    }

    @Test
    void autoSignInAfterTheConfirmationCodeSignsInOnce() {
        String username = "auto-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = new Browser(base);

        JsonObject signUp = ok(browser.postJson("api/user-auth/sign-up", json("username", username,
                "password", CognitoFixture.PASSWORD, "email", username + "@example.com", "autoSignIn", true)));
        assertThat(signUp.getString("nextStep")).isEqualTo("CONFIRM_SIGN_UP");
        String code = CognitoFixture.shared().emulator().confirmationCode(CognitoFixture.shared().poolId, username);
        JsonObject confirmed = ok(browser.postJson("api/user-auth/confirm-sign-up", json("username", username,
                "code", code)));
        assertThat(confirmed.getBoolean("isSignUpComplete")).isTrue();
        assertThat(confirmed.getString("nextStep")).isEqualTo("COMPLETE_AUTO_SIGN_IN");
        String anonymousSession = browser.sessionId();

        JsonObject signedIn = ok(browser.postJson("api/user-auth/auto-sign-in", json()));

        assertThat(signedIn.getBoolean("isSignedIn")).isTrue();
        assertThat(browser.sessionId()).isNotEqualTo(anonymousSession);
        assertSignedInAs(browser, username);
        assertThat(events(username)).containsExactly("SignedIn " + username + " AUTO_SIGN_IN groups=[] sub=true");
        assertRefused(browser.postJson("api/user-auth/auto-sign-in", json()), 400, "NO_SIGN_IN_IN_PROGRESS");
    }

    @Test
    void autoSignInWithoutAConfirmedSignUpIsRefused() {
        Browser browser = new Browser(base);
        assertRefused(browser.postJson("api/user-auth/auto-sign-in", json()), 400, "NO_SIGN_IN_IN_PROGRESS");

        String username = "auto-early-" + UUID.randomUUID().toString().substring(0, 8);
        ok(browser.postJson("api/user-auth/sign-up", json("username", username, "password", CognitoFixture.PASSWORD,
                "email", username + "@example.com", "autoSignIn", true)));
        assertRefused(browser.postJson("api/user-auth/auto-sign-in", json()), 400, "NO_SIGN_IN_IN_PROGRESS");
        assertThat(Http.json(browser.get("api/account/session")).getBoolean("isSignedIn")).isFalse();
    }
}
