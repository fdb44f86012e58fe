package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.demo.Totp;
import dev.cognitoee.it.mfa.MfaResource;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.MfaStandIn;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * MFA self-service in a real Payara Micro: {@code setUpTOTP} / {@code verifyTOTPSetup}, {@code updateMFAPreference}
 * and {@code fetchMFAPreference} against the emulator (which really associates a secret and checks codes per
 * RFC 6238), then a sign-in that asks for the authenticator's code; email MFA and its setup during sign-in
 * ({@code MFA_SETUP} offering {@code EMAIL_OTP}) through {@link MfaStandIn}, which plays what the emulator lacks.
 */
@ExtendWith(SharedPayara.class)
class MfaIT {

    private static final String OPTIONAL = "mfaoptional";
    private static final String REQUIRED = "mfarequired";

    private static MfaStandIn standIn;
    private static String optionalPool;
    private static String requiredPool;
    private static URL optionalBase;
    private static URL requiredBase;

    @BeforeAll
    static void deploy(Deployer payara) {
        CognitoFixture fixture = CognitoFixture.shared();
        standIn = MfaStandIn.start(fixture.emulator());
        try (CognitoIdentityProviderClient cognito = fixture.emulator().client()) {
            optionalPool = pool(cognito, "mfa-optional");
            requiredPool = pool(cognito, "mfa-required");
        }
        String optionalClient = client(optionalPool);
        String requiredClient = client(requiredPool);
        standIn.requireMfa(requiredClient);
        Deployment apps = payara.deploy(war(OPTIONAL, fixture, optionalPool, optionalClient),
                war(REQUIRED, fixture, requiredPool, requiredClient));
        optionalBase = apps.url(OPTIONAL);
        requiredBase = apps.url(REQUIRED);
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    private static String pool(CognitoIdentityProviderClient cognito, String name) {
        String poolId = cognito.createUserPool(b -> b.poolName(name).mfaConfiguration(UserPoolMfaType.OPTIONAL))
                .userPool().id();
        cognito.createGroup(b -> b.userPoolId(poolId).groupName("user"));
        return poolId;
    }

    private static String client(String poolId) {
        try (CognitoIdentityProviderClient cognito = CognitoFixture.shared().emulator().client()) {
            return cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        }
    }

    private static WebArchive war(String name, CognitoFixture fixture, String poolId, String clientId) {
        Map<String, String> settings = TestWars.poolSettings(fixture.emulator(), poolId, clientId);
        settings.put("cognito.endpoint", standIn.endpoint().toString());
        return TestWars.war(name, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(MfaResource.class.getPackage());
    }

    /** A confirmed user of {@code poolId} with an email address and {@link CognitoFixture#PASSWORD}. */
    private static String newUser(String poolId, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (CognitoIdentityProviderClient cognito = CognitoFixture.shared().emulator().client()) {
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(a -> a.name("email").value(username + "@example.com"),
                            a -> a.name("email_verified").value("true")));
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username)
                    .password(CognitoFixture.PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(username).groupName("user"));
        }
        return username;
    }

    private static JsonObject json(String... keyValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.add(keyValues[i], keyValues[i + 1]);
        }
        return builder.build();
    }

    private static HttpResponse<String> signIn(Browser browser, String username) {
        HttpResponse<String> response = browser.postJson("api/account/sign-in", json("username", username,
                "password", CognitoFixture.PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String step(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("nextStep");
    }

    private static HttpResponse<String> confirm(Browser browser, String answer) {
        return browser.postJson("api/account/confirm-sign-in", json("answer", answer));
    }

    /** A code of the authenticator that is not the current one (nor the ones beside it). */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        int code = Integer.parseInt(Totp.code(secret, now));
        String wrong;
        do {
            code = (code + 1) % 1_000_000;
            wrong = String.format("%06d", code);
        } while (wrong.equals(Totp.code(secret, now.minusSeconds(30))) || wrong.equals(Totp.code(secret,
                now.plusSeconds(30))));
        return wrong;
    }

    @Test
    void aSignedInUserSetsUpAnAuthenticatorAndSignInThenAsksForItsCode() {
        TestWars.assertDeployed(optionalBase, OPTIONAL);
        String username = newUser(optionalPool, "tina");
        Browser browser = new Browser(optionalBase);
        assertThat(step(signIn(browser, username))).isEqualTo("DONE");

        JsonObject none = Http.json(browser.get("api/mfa/preference"));
        assertThat(none.getJsonArray("enabled")).isEmpty();
        assertThat(none.containsKey("preferred")).isFalse();

        HttpResponse<String> setup = browser.postJson("api/mfa/totp/setup", json());
        assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
        String secret = Http.json(setup).getString("sharedSecret");
        assertThat(Http.json(setup).getString("setupUri")).isEqualTo("otpauth://totp/Cognito%20EE%20tests:"
                + username + "?secret=" + secret + "&issuer=Cognito%20EE%20tests");

        HttpResponse<String> wrong = browser.postJson("api/mfa/totp/verify", json("code", wrongCode(secret)));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(Http.json(wrong).getString("error")).isEqualTo("CODE_MISMATCH");
        HttpResponse<String> notYet = browser.postJson("api/mfa/preference", json("totp", "PREFERRED"));
        assertThat(notYet.statusCode()).as("an authenticator not verified cannot be turned on").isEqualTo(400);
        assertThat(Http.json(notYet).getString("error")).isEqualTo("INVALID_PARAMETER");

        HttpResponse<String> right = browser.postJson("api/mfa/totp/verify", json("code",
                Totp.code(secret, Instant.now()), "deviceName", "Tina's phone"));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);

        HttpResponse<String> updated = browser.postJson("api/mfa/preference", json("totp", "PREFERRED"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonObject read = Http.json(browser.get("api/mfa/preference"));
        assertThat(read.getJsonArray("enabled").getValuesAs(JsonString::getString)).containsExactly("TOTP");
        assertThat(read.getString("preferred")).isEqualTo("TOTP");

        assertThat(browser.postJson("api/account/sign-out", json()).statusCode()).isEqualTo(200);
        Browser again = new Browser(optionalBase);
        assertThat(step(signIn(again, username))).isEqualTo("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
        assertThat(confirm(again, wrongCode(secret)).statusCode()).isEqualTo(400);
        HttpResponse<String> signedIn = confirm(again, Totp.code(secret, Instant.now()));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(Http.json(signedIn).getBoolean("isSignedIn")).isTrue();
    }

    @Test
    void emailMfaIsTurnedOnReadBackAndOffAgain() {
        TestWars.assertDeployed(optionalBase, OPTIONAL);
        String username = newUser(optionalPool, "emma");
        Browser browser = new Browser(optionalBase);
        signIn(browser, username);

        assertThat(browser.postJson("api/mfa/preference", json("email", "PREFERRED")).statusCode()).isEqualTo(200);
        JsonObject on = Http.json(browser.get("api/mfa/preference"));
        assertThat(on.getJsonArray("enabled").getValuesAs(JsonString::getString)).containsExactly("EMAIL");
        assertThat(on.getString("preferred")).isEqualTo("EMAIL");

        assertThat(browser.postJson("api/mfa/preference", json("email", "DISABLED")).statusCode()).isEqualTo(200);
        JsonObject off = Http.json(browser.get("api/mfa/preference"));
        assertThat(off.getJsonArray("enabled")).isEmpty();
        assertThat(off.containsKey("preferred")).isFalse();
    }

    @Test
    void emailMfaIsSetUpDuringSignInWhenThePoolRequiresMfa() {
        TestWars.assertDeployed(requiredBase, REQUIRED);
        String username = newUser(requiredPool, "erin");
        String address = username + "@example.net";
        Browser browser = new Browser(requiredBase);

        assertThat(step(signIn(browser, username))).isEqualTo("CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION");
        assertThat(browser.get("api/profile").statusCode()).as("not signed in yet").isEqualTo(401);
        HttpResponse<String> notAChoice = confirm(browser, "SMS");
        assertThat(notAChoice.statusCode()).as(notAChoice.body()).isEqualTo(400);
        assertThat(Http.json(notAChoice).getString("error")).isEqualTo("INVALID_PARAMETER");

        assertThat(step(confirm(browser, "EMAIL"))).isEqualTo("CONTINUE_SIGN_IN_WITH_EMAIL_SETUP");
        assertThat(confirm(browser, "not-an-address").statusCode()).isEqualTo(400);
        assertThat(step(confirm(browser, address))).isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");

        String code = standIn.lastCode(address).orElseThrow();
        HttpResponse<String> wrong = confirm(browser, code.equals("000000") ? "000001" : "000000");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(Http.json(wrong).getString("error")).isEqualTo("CODE_MISMATCH");
        HttpResponse<String> signedIn = confirm(browser, code);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(Http.json(signedIn).getBoolean("isSignedIn")).isTrue();
        assertThat(Http.json(browser.get("api/mfa/preference")).getJsonArray("enabled")
                .getValuesAs(JsonString::getString)).containsExactly("EMAIL");

        Browser again = new Browser(requiredBase);
        assertThat(step(signIn(again, username))).as("email MFA now asks for a code at sign-in")
                .isEqualTo("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
        assertThat(Http.json(confirm(again, standIn.lastCode(address).orElseThrow())).getBoolean("isSignedIn"))
                .isTrue();
    }

    @Test
    void anAuthenticatorIsSetUpDuringSignInWhenChosen() {
        TestWars.assertDeployed(requiredBase, REQUIRED);
        String username = newUser(requiredPool, "theo");
        Browser browser = new Browser(requiredBase);
        assertThat(step(signIn(browser, username))).isEqualTo("CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION");
        HttpResponse<String> setup = browser.postJson("api/mfa/confirm-sign-in", json("answer", "TOTP"));
        assertThat(step(setup)).isEqualTo("CONTINUE_SIGN_IN_WITH_TOTP_SETUP");
        String secret = Http.json(setup).getString("sharedSecret");

        HttpResponse<String> wrong = confirm(browser, wrongCode(secret));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(Http.json(wrong).getString("error")).isEqualTo("CODE_MISMATCH");
        HttpResponse<String> signedIn = confirm(browser, Totp.code(secret, Instant.now()));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(Http.json(signedIn).getBoolean("isSignedIn")).isTrue();

        Browser again = new Browser(requiredBase);
        assertThat(step(signIn(again, username))).isEqualTo("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
    }

    @Test
    void nobodySignedInIsRefusedWithNotSignedIn() {
        TestWars.assertDeployed(optionalBase, OPTIONAL);
        Browser browser = new Browser(optionalBase);
        for (HttpResponse<String> response : new HttpResponse[] {browser.get("api/mfa/preference"),
                browser.postJson("api/mfa/preference", json("totp", "ENABLED")),
                browser.postJson("api/mfa/totp/setup", json()),
                browser.postJson("api/mfa/totp/verify", json("code", "123456"))}) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(Http.json(response).getString("error")).isEqualTo("NOT_SIGNED_IN");
        }
    }
}
