package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.SrpStandIn;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * SRP sign-in ({@code cognito.sign-in.auth-flow=USER_SRP_AUTH}) in a real Payara Micro, through the sign-in form and
 * {@code CognitoAuth.signIn}, for app clients that do not allow {@code ALLOW_USER_PASSWORD_AUTH}. The emulator has
 * no SRP: {@link SrpStandIn} plays Cognito for it (it checks each proof against the user's verifier, and SECRET_HASH)
 * and hands out the emulator's real tokens, which the module verifies as always. Its WARs run on the shared
 * Payara Micro; {@code payara.output()} is what the server printed since they were deployed.
 */
@ExtendWith(SharedPayara.class)
class SrpSignInIT {

    private static final String NEW_PASSWORD = "Br4nd-New-Passw0rd";

    private static CognitoFixture fixture;
    private static SrpStandIn srp;
    private static Deployment payara;
    private static String secretClientSecret;

    @BeforeAll
    static void deploy(Deployer server) {
        fixture = CognitoFixture.shared();
        srp = SrpStandIn.start(fixture.emulator(), fixture.poolId);
        UserPoolClientType srpOnly = srpClient("srp-only", false);
        UserPoolClientType withSecret = srpClient("srp-with-secret", true);
        secretClientSecret = withSecret.clientSecret();

        Map<String, String> settings = TestWars.poolSettings(fixture.emulator(), fixture.poolId, srpOnly.clientId());
        settings.put("cognito.endpoint", srp.endpoint().toString());
        settings.put("cognito.sign-in.auth-flow", "USER_SRP_AUTH");
        Map<String, String> secretSettings = TestWars.poolSettings(fixture.emulator(), fixture.poolId,
                withSecret.clientId());
        secretSettings.put("cognito.endpoint", srp.endpoint().toString());
        secretSettings.put("cognito.client-secret", secretClientSecret);
        secretSettings.put("cognito.sign-in.auth-flow", "USER_SRP_AUTH");

        payara = server.deploy(war("srp", settings), war("srpsecret", secretSettings));
    }

    @AfterAll
    static void stop() {
        if (srp != null) {
            srp.close();
        }
    }

    /** An app client that allows SRP and refresh only, as a pool whose policy forbids password sign-in has. */
    private static UserPoolClientType srpClient(String name, boolean secret) {
        try (CognitoIdentityProviderClient cognito = fixture.emulator().client()) {
            return cognito.createUserPoolClient(b -> b.userPoolId(fixture.poolId).clientName(name)
                    .generateSecret(secret).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
        }
    }

    private static WebArchive war(String name, Map<String, String> settings) {
        return TestWars.war(name, settings, AccountSecurityConfig.class.getPackage())
                .addAsWebResource(new StringAsset("<form method='post' action='j_security_check'>"
                        + "<input name='j_username'><input name='j_password' type='password'></form>"), "login.html");
    }

    /** A confirmed user of the emulator in group {@code user}, whose verifier the stand-in keeps. */
    private static String newUser(String prefix, String... aliases) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.createUser(username, "user");
        srp.register(username, CognitoFixture.PASSWORD, aliases);
        return username;
    }

    private static JsonObject json(String... keyValues) {
        var builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.add(keyValues[i], keyValues[i + 1]);
        }
        return builder.build();
    }

    private static List<String> events(String war, String username) {
        return Http.json(Http.get(payara.url(war), "api/events/" + username)).getJsonArray("sync")
                .getValuesAs(JsonString::getString);
    }

    /** ODL records of the server log mentioning {@code text}, at WARNING or above. */
    private static List<String> warningsAbout(String text) {
        return Arrays.stream(payara.output().split("(?m)^(?=\\[\\d{4}-\\d{2}-\\d{2}T)"))
                .filter(r -> r.contains("[WARNING]") || r.contains("[SEVERE]"))
                .filter(r -> r.contains(text)).toList();
    }

    @Test
    void theStartupLineSaysSignInsUseSrp() {
        List<String> startupLines = Arrays.stream(payara.output().split("(?m)^(?=\\[\\d{4}-\\d{2}-\\d{2}T)"))
                .filter(r -> r.contains("COGNITOEE-0001") && r.contains(" is active in /srp")).toList();
        assertThat(startupLines).hasSize(2).allSatisfy(r -> assertThat(r).contains("sign-in form (USER_SRP_AUTH)"));
        assertThat(payara.output()).doesNotContain(secretClientSecret);
    }

    @Test
    void theSignInFormSignsInWithSrp() {
        String username = newUser("srp-form");
        Browser browser = new Browser(payara.url("srp"));
        int proofsBefore = srp.proofsAccepted();

        HttpResponse<String> page = browser.get("profile.html", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", username, "j_password", CognitoFixture.PASSWORD));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/srp/profile.html"));
        HttpResponse<String> profile = browser.get("profile.html", "Accept", "text/html");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("Signed in as " + username);
        assertThat(srp.proofsAccepted()).as("the stand-in checked the module's proof").isEqualTo(proofsBefore + 1);
        assertThat(events("srp", username)).containsExactly("SignedIn " + username + " FORM groups=[user] sub=true");
    }

    @Test
    void aWrongPasswordInTheFormIsTheUsualErrorAndNoOperatorsWarning() {
        String username = newUser("srp-wrong");
        Browser browser = new Browser(payara.url("srp"));
        int refusedBefore = srp.proofsRefused();

        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", username, "j_password", "Wr0ng-Password"));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/srp/login.html?error=NOT_AUTHORIZED"));
        assertThat(srp.proofsRefused()).as("the stand-in refused the proof").isEqualTo(refusedBefore + 1);
        assertThat(browser.get("profile.html", "Accept", "text/html").statusCode()).isEqualTo(302);
        assertThat(events("srp", username)).containsExactly("SignInFailed " + username + " FORM NOT_AUTHORIZED");
        assertThat(warningsAbout(username)).as("a user's mistake is no operator's business").isEmpty();
        assertThat(warningsAbout("COGNITOEE-0055")).isEmpty();
        assertThat(payara.output()).doesNotContain("Wr0ng-Password");
    }

    @Test
    void cognitoAuthSignsInWithSrpAlsoByAnAlias() {
        String alias = "alias-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String username = newUser("srp-api", alias);
        Browser browser = new Browser(payara.url("srp"));

        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", json("username", alias,
                "password", CognitoFixture.PASSWORD));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isTrue();
        assertThat(signIn.body()).doesNotContain("eyJ");
        JsonObject session = Http.json(browser.get("api/account/session"));
        assertThat(session.getBoolean("isSignedIn")).isTrue();
        assertThat(session.getString("username")).as("Cognito's user, not the alias typed").isEqualTo(username);
        assertThat(events("srp", username))
                .containsExactly("SignedIn " + username + " PASSWORD groups=[user] sub=true");
    }

    @Test
    void cognitoAuthWithAWrongPasswordOrAnUnknownUserIsNotAuthorized() {
        String username = newUser("srp-api-wrong");
        for (String[] attempt : new String[][] {{username, "Wr0ng-Password"}, {"nobody-" + username, "x"}}) {
            HttpResponse<String> signIn = new Browser(payara.url("srp")).postJson("api/account/sign-in",
                    json("username", attempt[0], "password", attempt[1]));
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(401);
            assertThat(Http.json(signIn).getString("error")).isEqualTo("NOT_AUTHORIZED");
            assertThat(Http.json(signIn).getString("message")).isEqualTo("Incorrect username or password.");
            assertThat(signIn.body()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(warningsAbout(username)).isEmpty();
    }

    @Test
    void aNewPasswordChallengeAfterSrpIsAnsweredAndTheNewPasswordSignsIn() {
        String username = "srp-temp-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.createUserWithTemporaryPassword(username);
        srp.register(username, CognitoFixture.TEMPORARY_PASSWORD);
        Browser browser = new Browser(payara.url("srp"));

        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", json("username", username,
                "password", CognitoFixture.TEMPORARY_PASSWORD));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isFalse();
        assertThat(Http.json(signIn).getString("nextStep")).isEqualTo("CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");

        HttpResponse<String> confirm = browser.postJson("api/account/confirm-sign-in", json("answer", NEW_PASSWORD));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(Http.json(confirm).getBoolean("isSignedIn")).isTrue();
        assertThat(Http.json(browser.get("api/account/session")).getString("username")).isEqualTo(username);

        HttpResponse<String> withNew = new Browser(payara.url("srp")).postJson("api/account/sign-in",
                json("username", username, "password", NEW_PASSWORD));
        assertThat(Http.json(withNew).getBoolean("isSignedIn")).as(withNew.body()).isTrue();
        HttpResponse<String> withOld = new Browser(payara.url("srp")).postJson("api/account/sign-in",
                json("username", username, "password", CognitoFixture.TEMPORARY_PASSWORD));
        assertThat(withOld.statusCode()).as(withOld.body()).isEqualTo(401);
    }

    @Test
    void aClientWithASecretSendsSecretHashesThatTheStandInChecks() {
        String username = newUser("srp-secret");
        Browser browser = new Browser(payara.url("srpsecret"));
        int proofsBefore = srp.proofsAccepted();

        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", json("username", username,
                "password", CognitoFixture.PASSWORD));

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isTrue();
        assertThat(srp.proofsAccepted()).isEqualTo(proofsBefore + 1);
        assertThat(Http.json(browser.get("api/account/session")).getString("username")).isEqualTo(username);
        assertThat(warningsAbout("COGNITOEE-000")).as("no SECRET_HASH or flow misconfiguration").isEmpty();
        assertThat(payara.output()).doesNotContain(secretClientSecret);
    }
}
