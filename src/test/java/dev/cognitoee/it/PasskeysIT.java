package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.passkeys.PasskeysResource;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PasskeyStandIn;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestAuthenticator;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The passkey calls of {@code CognitoAuth} in a real Payara Micro, against {@link PasskeyStandIn} in front of the
 * emulator (which has no WebAuthn): a passkey registered in two steps with a software authenticator, listed (paged)
 * and deleted; and every way in which a client gets it wrong answered with a typed error, never a 500.
 */
@ExtendWith(SharedPayara.class)
class PasskeysIT {

    private static final String APP = "passkeys";

    private static PasskeyStandIn standIn;
    private static URL base;
    private static String origin;

    @BeforeAll
    static void deploy(Deployer payara) {
        CognitoFixture fixture = CognitoFixture.shared();
        origin = "http://localhost:" + payara.port();
        standIn = PasskeyStandIn.start(fixture.emulator(), fixture.poolId, "localhost", origin);
        Map<String, String> settings = TestWars.poolSettings(fixture);
        settings.put("cognito.endpoint", standIn.endpoint().toString());
        base = payara.deploy(TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(PasskeysResource.class.getPackage())).url(APP);
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

    private static Browser signedIn() {
        String username = "pk-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postJson("api/account/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    private static String options(Browser browser) {
        HttpResponse<String> start = browser.postJson("api/passkeys/start", JsonObject.EMPTY_JSON_OBJECT);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
        return start.body();
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = Http.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.keySet()).containsExactlyInAnyOrder("error", "message");
        assertThat(response.body()).doesNotContain("Exception", "at dev.", "at software.");
    }

    @Test
    void aPasskeyIsRegisteredInTwoStepsListedAndDeleted() {
        Browser browser = signedIn();
        String options = options(browser);
        assertThat(Http.json(browser.get("api/passkeys")).getJsonArray("credentials"))
                .isEmpty();
        assertThat(Json.createReader(new java.io.StringReader(options)).readObject().getJsonObject("rp")
                .getString("id")).isEqualTo("localhost");
        TestAuthenticator authenticator = new TestAuthenticator();
        HttpResponse<String> completed = browser.putText("api/passkeys/credential",
                authenticator.register(options, origin));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        JsonObject listed = Http.json(browser.get("api/passkeys")).getJsonArray("credentials").getJsonObject(0);
        assertThat(listed.getString("credentialId")).isEqualTo(authenticator.credentialId());
        assertThat(listed.getString("relyingPartyId")).isEqualTo("localhost");
        assertThat(listed.getString("authenticatorAttachment")).isEqualTo("platform");
        assertThat(listed.getJsonArray("authenticatorTransports").getString(0)).isEqualTo("internal");
        assertThat(listed.getString("friendlyCredentialName")).isNotBlank();

        JsonObject delete = Json.createObjectBuilder().add("credentialId", authenticator.credentialId()).build();
        assertThat(browser.postJson("api/passkeys/delete", delete).statusCode()).isEqualTo(204);
        assertThat(Http.json(browser.get("api/passkeys")).getJsonArray("credentials")).isEmpty();
        assertError(browser.postJson("api/passkeys/delete", delete), 400, "WEBAUTHN_CREDENTIAL_NOT_FOUND");
    }

    @Test
    void withoutASignedInUserEveryCallIsNotSignedIn() {
        Browser anonymous = new Browser(base);
        assertError(anonymous.postJson("api/passkeys/start", JsonObject.EMPTY_JSON_OBJECT), 401, "NOT_SIGNED_IN");
        assertError(anonymous.putText("api/passkeys/credential", new TestAuthenticator().register("localhost",
                "A".repeat(43), origin)), 401, "NOT_SIGNED_IN");
        assertError(anonymous.get("api/passkeys"), 401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/passkeys/delete", Json.createObjectBuilder().add("credentialId", "x")
                .build()), 401, "NOT_SIGNED_IN");
    }

    @Test
    void aBearerCallerListsTheirOwnPasskeysAndAnIdTokenIsRefused() {
        String username = "pk-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        var tokens = CognitoFixture.shared().signIn(username);
        HttpResponse<String> listed = Http.getWithBearer(base, "api/passkeys", tokens.accessToken());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(Http.json(listed).getJsonArray("credentials")).isEmpty();
        HttpResponse<String> idToken = Http.getWithBearer(base, "api/passkeys", tokens.idToken());
        assertThat(idToken.statusCode()).as("refused before the call: cognito.token-use is access").isEqualTo(401);
        assertThat(idToken.body()).doesNotContain("credentials");
    }

    @Test
    void garbageOrOversizedCredentialsAreInvalidParametersAndNeverReachCognito() {
        Browser browser = signedIn();
        options(browser);
        int refusedBefore = standIn.registrationsRefused();
        for (String garbage : new String[] {"", "not json", "[1,2]", "\"text\"", "{}", "{\"id\":\"x\"}",
                "{\"id\":\"x\",\"response\":{\"clientDataJSON\":1,\"attestationObject\":\"a\"}}", "{\"id\":",
                "{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"" + "a".repeat(40_000)
                        + "\",\"attestationObject\":\"a\"}}"}) {
            assertError(browser.putText("api/passkeys/credential", garbage), 400, "INVALID_PARAMETER");
        }
        assertThat(standIn.registrationsRefused()).as("none of them was relayed").isEqualTo(refusedBefore);
        assertError(browser.get("api/passkeys?pageSize=0"), 400, "INVALID_PARAMETER");
        assertError(browser.get("api/passkeys?pageSize=21"), 400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/passkeys/delete", JsonObject.EMPTY_JSON_OBJECT), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void aForgedAttestationIsRefusedAsAPasskeyCognitoDidNotAccept() {
        Browser browser = signedIn();
        String challenge = Json.createReader(new java.io.StringReader(options(browser))).readObject()
                .getString("challenge");
        assertError(browser.putText("api/passkeys/credential", new TestAuthenticator().register("localhost",
                challenge, "http://evil.example")), 400, "WEBAUTHN_CREDENTIAL_REFUSED");
        options(browser);
        assertError(browser.putText("api/passkeys/credential", new TestAuthenticator().register("localhost",
                "A".repeat(43), origin)), 400, "WEBAUTHN_CREDENTIAL_REFUSED");
        assertThat(Http.json(browser.get("api/passkeys")).getJsonArray("credentials")).isEmpty();
    }

    @Test
    void listsArePaged() {
        Browser browser = signedIn();
        for (int i = 0; i < 2; i++) {
            assertThat(browser.putText("api/passkeys/credential", new TestAuthenticator().register(options(browser),
                    origin)).statusCode()).isEqualTo(204);
        }
        JsonObject first = Http.json(browser.get("api/passkeys?pageSize=1"));
        assertThat(first.getJsonArray("credentials")).hasSize(1);
        JsonObject second = Http.json(browser.get("api/passkeys?pageSize=1&nextToken="
                + java.net.URLEncoder.encode(first.getString("nextToken"), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(second.getJsonArray("credentials")).hasSize(1);
        assertThat(second.containsKey("nextToken")).isFalse();
        assertThat(second.getJsonArray("credentials").getJsonObject(0).getString("credentialId"))
                .isNotEqualTo(first.getJsonArray("credentials").getJsonObject(0).getString("credentialId"));
    }
}
