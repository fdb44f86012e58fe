package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.plain.PlainDefinition;
import dev.cognitoee.it.support.AppClientRulesStandIn;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * What the operator reads in the server log, from the deployment of five WARs on: the startup line of an
 * active module (and no secret in it), a region mismatch found at deployment, the annotation on a class CDI does not
 * discover, and misconfigurations met at sign-in and at the identity pool, each logged once at WARNING with its id
 * and fix while users get the answer they always got.
 *
 * <p>The emulator stores but does not enforce an app client's secret and flows: the sign-ins of those WARs go
 * through {@link AppClientRulesStandIn}, which answers as Cognito does when they are broken, and passes everything
 * else on to the emulator. (A wrong secret, the stand-in's other refusal, is left to {@code MisconfigurationsTest}:
 * each WAR costs this deployment some seconds.)
 */
@ExtendWith(SharedPayara.class)
class DiagnosticsIT {

    /** An identity pool in another region than the user pool (us-east-1), called without an endpoint for it. */
    private static final String FOREIGN_IDENTITY_POOL = "eu-west-1:0f0f0f0f-0000-4000-8000-00000000d1a6";
    /** An identity pool (the stand-in) that trusts no user pool. */
    private static final String UNTRUSTING_IDENTITY_POOL = "us-east-1:0f0f0f0f-0000-4000-8000-0000000075f7";
    private static final String UNKNOWN_CLIENT = "nosuchclient0000000000000";

    private static Deployment payara;
    private static FakeCognitoIdentity untrusting;
    private static AppClientRulesStandIn rules;
    private static CognitoFixture fixture;

    @BeforeAll
    static void deploy(Deployer server) throws Exception {
        fixture = CognitoFixture.shared();
        untrusting = FakeCognitoIdentity.start(UNTRUSTING_IDENTITY_POOL, false);
        rules = AppClientRulesStandIn.start(fixture.emulator(), fixture.poolId);
        String noPasswordFlow;
        try (CognitoIdentityProviderClient cognito = fixture.emulator().client()) {
            noPasswordFlow = cognito.createUserPoolClient(b -> b.userPoolId(fixture.poolId)
                    .clientName("no-password-flow").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH)).userPoolClient().clientId();
        }

        Map<String, String> active = TestWars.poolSettings(fixture);
        active.put("cognito.endpoint", rules.endpoint().toString());
        active.put("cognito.client-id", fixture.secretClientId);
        active.put("cognito.client-secret", fixture.secretClientSecret);
        active.put("cognito.identity-pool-id", FOREIGN_IDENTITY_POOL);

        Map<String, String> misconfigured = AwsStandIns.applicationSettings();
        misconfigured.put("cognito.client-id", UNKNOWN_CLIENT + "," + fixture.clientId); // tokens of the second pass
        misconfigured.put("cognito.token-use", "id");
        misconfigured.put("cognito.allow-guest-access", "true"); // which this identity pool does not allow
        misconfigured.put("cognito.identity-pool-id", UNTRUSTING_IDENTITY_POOL);
        misconfigured.put("cognito.identity-endpoint", untrusting.endpoint().toString());

        Map<String, String> noSecret = TestWars.poolSettings(fixture);
        noSecret.put("cognito.endpoint", rules.endpoint().toString());
        noSecret.put("cognito.client-id", fixture.secretClientId);

        Map<String, String> noFlow = TestWars.poolSettings(fixture);
        noFlow.put("cognito.endpoint", rules.endpoint().toString());
        noFlow.put("cognito.client-id", noPasswordFlow);

        payara = server.deploy(
                TestWars.war("active", active, SecurityConfig.class.getPackage()),
                TestWars.war("nosecret", noSecret, SecurityConfig.class.getPackage()),
                TestWars.war("noflow", noFlow, SecurityConfig.class.getPackage()),
                TestWars.war("plain", Map.of(), PlainDefinition.class.getPackage()),
                TestWars.withApplicationAwsSdk(TestWars.war("misconfigured", misconfigured,
                        AwsSecurityConfig.class.getPackage())));
    }

    @AfterAll
    static void stop() {
        if (untrusting != null) {
            untrusting.close();
        }
        if (rules != null) {
            rules.close();
        }
    }

    private static HttpResponse<String> signIn(String war) {
        return new Browser(payara.url(war)).postJson("j_security_check", Json.createObjectBuilder()
                .add("username", CognitoFixture.ALICE).add("password", CognitoFixture.PASSWORD).build());
    }

    private static void assertAnswer(HttpResponse<String> response, int status, String error, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = Http.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("message")).isEqualTo(message);
        assertThat(response.body()).doesNotContainIgnoringCase("secret").doesNotContain("flow")
                .doesNotContain("\tat ");
    }

    /** The log records (ODL format: one per {@code [timestamp] ... [[ message ]]}) at {@code level} with {@code id}. */
    private static List<String> records(String level, String id) {
        return Arrays.stream(payara.output().split("(?m)^(?=\\[\\d{4}-\\d{2}-\\d{2}T)"))
                .filter(r -> r.contains("[" + level + "]") && r.contains(id)).toList();
    }

    @Test
    void anActiveModuleSaysSoOnceWithWhatItServesAndNoSecret() {
        List<String> lines = records("INFO", "COGNITOEE-0001 Cognito EE ");
        assertThat(lines).filteredOn(r -> r.contains(" is active in /active:")).singleElement().asString()
                .contains("user pool " + fixture.poolId + " (region " + CognitoLocal.REGION.id() + ")")
                .contains("app client(s) " + fixture.secretClientId + " (with a client secret)")
                .contains("sign-in form, bearer tokens access")
                .contains("credentials on (identity pool " + FOREIGN_IDENTITY_POOL + ")")
                .doesNotContain("guests")
                .containsPattern("Cognito EE \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? is active")
                .containsPattern("server Payara Micro[^,]* " + TestSettings.payaraMajorVersion() + "\\.\\d{4}\\.\\d+")
                .contains(TestSettings.payaraMajorVersion() == 6 ? "Servlet 6.0 (Jakarta EE 10)"
                        : "Servlet 6.1 (Jakarta EE 11)")
                .doesNotContain(fixture.secretClientSecret);
        assertThat(payara.output()).as("the secret appears nowhere in the log").doesNotContain(fixture.secretClientSecret);
        assertThat(lines).filteredOn(r -> r.contains(" is active in /misconfigured:")).singleElement().asString()
                .contains("credentials on (identity pool " + UNTRUSTING_IDENTITY_POOL + ", guests too)")
                .contains("bearer tokens id");
        assertThat(lines).as("the module is off in /plain").noneMatch(r -> r.contains(" is active in /plain"));
    }

    @Test
    void anIdentityPoolInAnotherRegionIsAWarningAtDeploymentWithTheFix() {
        assertThat(records("WARNING", "COGNITOEE-0010")).singleElement().asString()
                .contains("cognito.identity-pool-id " + FOREIGN_IDENTITY_POOL + " is in eu-west-1, but the module "
                        + "calls Cognito Identity in us-east-1 (cognito.region); set cognito.identity-endpoint to "
                        + "https://cognito-identity.eu-west-1.amazonaws.com");
    }

    @Test
    void theAnnotationOnAClassThatIsNotABeanIsAWarningNamingTheClass() {
        assertThat(records("WARNING", "COGNITOEE-0002")).singleElement().asString()
                .contains("@CognitoAuthenticationMechanismDefinition is on " + PlainDefinition.class.getName()
                        + ", which CDI does not discover as a bean: the module is off in /plain")
                .contains("annotate " + PlainDefinition.class.getName() + " with @ApplicationScoped");
        assertThat(payara.output()).as("annotated beans are not reported")
                .doesNotContain("is on " + SecurityConfig.class.getName())
                .doesNotContain("is on " + AwsSecurityConfig.class.getName());
    }

    @Test
    void theRightSecretSignsInThroughTheStandInWithoutAWarning() {
        HttpResponse<String> signIn = signIn("active");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).as("the stand-in checked the module's SECRET_HASH")
                .isTrue();
    }

    @Test
    void aMissingSecretIsOneWarningAndUsersSeeAWrongPassword() {
        for (int i = 0; i < 2; i++) {
            assertAnswer(signIn("nosecret"), 401, "NOT_AUTHORIZED", "Incorrect username or password.");
        }
        assertThat(records("WARNING", "COGNITOEE-0003")).singleElement().asString()
                .contains("set `cognito.client-secret` to the app client's secret")
                .contains("Client " + fixture.secretClientId + " is configured with secret but SECRET_HASH was not "
                        + "received")
                .doesNotContain(fixture.secretClientSecret).doesNotContain(CognitoFixture.PASSWORD);
        assertThat(records("FINE", "COGNITOEE-0003")).as("the second failure, at FINE").isNotEmpty();
    }

    @Test
    void aFlowTheAppClientDoesNotAllowIsOneWarningAndUsersGetInvalidParameter() {
        for (int i = 0; i < 2; i++) {
            assertAnswer(signIn("noflow"), 400, "INVALID_PARAMETER", "A value is missing or not valid.");
        }
        assertThat(records("WARNING", "COGNITOEE-0005")).singleElement().asString()
                .contains("password sign-in needs `ALLOW_USER_PASSWORD_AUTH`")
                .contains("USER_PASSWORD_AUTH flow not enabled for this client");
        assertThat(records("WARNING", "COGNITOEE-0016")).as("no second, generic WARNING for it")
                .noneMatch(r -> r.contains("flow not enabled"));
    }

    @Test
    void anUnknownAppClientIsOneWarningAndUsersGetTheUsualAnswer() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> signIn = signIn("misconfigured");
            assertAnswer(signIn, 400, "UNEXPECTED", "The request could not be completed.");
            assertThat(signIn.body()).doesNotContain(UNKNOWN_CLIENT).doesNotContain("not found");
        }

        assertThat(records("WARNING", "COGNITOEE-0006")).singleElement().asString()
                .contains("check `cognito.client-id` and `cognito.user-pool-id`")
                .contains("ResourceNotFoundException")
                .doesNotContain(CognitoFixture.PASSWORD);
        assertThat(records("FINE", "COGNITOEE-0006")).as("the second failure, at FINE").isNotEmpty();
    }

    @Test
    void anIdentityPoolThatDoesNotTrustThePoolIsOneWarningAndCallersGetTheUsualAnswer() {
        String idToken = fixture.signIn(CognitoFixture.BOB).idToken();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> credentials = new Browser(payara.url("misconfigured")).get("api/aws-identity",
                    "Authorization", "Bearer " + idToken);
            assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(401);
            JsonObject body = Http.json(credentials);
            assertThat(body.getString("error")).isEqualTo("NOT_AUTHORIZED");
            assertThat(body.getString("message"))
                    .isEqualTo("The identity pool refused the caller's logins (NotAuthorizedException)");
        }

        assertThat(records("WARNING", "COGNITOEE-0007")).singleElement().asString()
                .contains("add the user pool and the app client `cognito.client-id` as a Cognito provider")
                .contains("Token is not from a supported provider of this identity pool")
                .doesNotContain(idToken);
        assertThat(untrusting.calls(FakeCognitoIdentity.GET_ID)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void guestsTheIdentityPoolDoesNotAllowAreOneWarningAndGuestsGetTheUsualAnswer() {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> guest = new Browser(payara.url("misconfigured")).get("api/aws-identity");
            assertThat(guest.statusCode()).as(guest.body()).isEqualTo(401);
            assertThat(Http.json(guest).getString("error")).isEqualTo("NOT_AUTHORIZED");
            assertThat(guest.body()).doesNotContain("Unauthenticated access");
        }

        assertThat(records("WARNING", "COGNITOEE-0009")).singleElement().asString()
                .contains("allow guest access in the identity pool, or set `cognito.allow-guest-access=false`")
                .contains("Unauthenticated access is not supported for this identity pool");
    }
}
