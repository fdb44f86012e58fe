package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraLog;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.it.tokens.TokensResource;
import dev.cognitoee.it.tokens.oidc.OidcTokens;
import dev.cognitoee.testkit.TestUserPool;
import dev.cognitoee.testkit.TokenFlaw;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 application with its own {@code TokenProvider} bean ({@link OidcTokens}): the tokens of another OpenID
 * Connect provider (the test kit's pool under an issuer of its own), which the application keeps in its session.
 * They are what {@code AuthSession.tokens()} carries, and their id token is what the identity pool stand-in gets,
 * under the issuer's name without {@code https://}; the stand-in trusts that provider as the service does
 * (signature against its JWKS, {@code iss}, {@code aud}, {@code exp}).
 */
@ExtendWith(SharedPayara.class)
class CustomTokenProviderIT {

    private static final String ISSUER = "https://login.example.test/tenant-a";
    private static final String LOGIN_KEY = "login.example.test/tenant-a";
    private static final String CLIENT = "oidc-client-a";

    private static TestUserPool oidc;
    private static TestUserPool unknown;

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(customTokens()).url("tokens-custom");
    }

    static WebArchive customTokens() {
        Map<String, String> settings = AwsStandIns.applicationSettings();
        settings.put("cognito.allow-guest-access", "false");
        return TestWars.withApplicationAwsSdk(TestWars.war("tokens-custom", settings,
                        AwsSecurityConfig.class.getPackage())
                .addPackage(TokensResource.class.getPackage())
                .addPackage(OidcTokens.class.getPackage()));
    }

    /** The OpenID Connect provider, registered with the identity pool stand-in as its OIDC provider. */
    private static synchronized TestUserPool oidc() {
        if (oidc == null) {
            oidc = TestUserPool.builder().issuer(ISSUER).clientId(CLIENT).keyId("oidc-key-1").start();
            AwsStandIns.identity().registerOidcProvider(LOGIN_KEY, ISSUER, oidc.jwks().uri(), CLIENT);
        }
        return oidc;
    }

    /** A provider the identity pool does not trust. */
    private static synchronized TestUserPool unknown() {
        if (unknown == null) {
            unknown = TestUserPool.builder().issuer("https://unknown.example.test").clientId(CLIENT).start();
        }
        return unknown;
    }

    @AfterAll
    static void stop() {
        if (oidc != null) {
            oidc.close();
        }
        if (unknown != null) {
            unknown.close();
        }
    }

    private Browser signedInWith(String accessToken, String idToken) {
        Browser browser = new Browser(base);
        HttpResponse<String> signedIn = browser.postJson("api/oidc/sign-in", Json.createObjectBuilder()
                .add("accessToken", accessToken).add("idToken", idToken).build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return browser;
    }

    @Test
    void theApplicationsProviderFeedsAuthSessionAndTheIdentityPool() {
        TestWars.assertDeployed(base, "tokens-custom");
        String user = "oidc-" + System.nanoTime();
        String idToken = oidc().idToken().username(user).sign();
        String sub = oidc().idToken().username(user).claims().get("sub").toString();
        Browser browser = signedInWith(oidc().accessToken().username(user).sign(), idToken);

        JsonObject session = Http.json(browser.get("api/tokens/session"));

        assertThat(session.getBoolean("isSignedIn")).isTrue();
        assertThat(session.getString("userSub")).isEqualTo(sub);
        assertThat(session.getJsonObject("access").getString("iss")).isEqualTo(ISSUER);
        assertThat(session.getJsonObject("access").getString("username")).isEqualTo(user);
        assertThat(session.getJsonObject("access").getString("kid")).isEqualTo("oidc-key-1");
        assertThat(session.getJsonObject("id").getString("sub")).isEqualTo(sub);
        assertThat(session.getJsonObject("id").getString("aud")).isEqualTo(CLIENT);
        // The identity pool stand-in linked exactly this provider's user to the identity the session reports...
        String identityId = session.getString("identityId");
        assertThat(AwsStandIns.identity().identityFor(LOGIN_KEY, sub)).contains(identityId);
        assertThat(AwsStandIns.identity().calls(FakeCognitoIdentity.GET_ID, identityId)).isEqualTo(1);
        // ... and issued the access key the module handed out, which S3 accepts for a signed put.
        String accessKey = session.getString("accessKeyId");
        assertThat(AwsStandIns.identity().identityOf(accessKey)).contains(identityId);
        int before = AwsStandIns.s3().requests(accessKey);
        HttpResponse<String> stored = browser.putText("api/files/" + user + "/oidc.txt", "as the OIDC user");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(AwsStandIns.s3().requests(accessKey)).isEqualTo(before + 1);
        assertThat(Http.json(browser.get("api/files/" + user + "/oidc.txt")).getString("content"))
                .isEqualTo("as the OIDC user");

        // The injectable provider is the application's.
        JsonObject provided = Http.json(browser.get("api/tokens/provider"));
        assertThat(provided.getJsonObject("id").getString("iss")).isEqualTo(ISSUER);
        assertThat(PayaraLog.read()).doesNotContain(idToken.substring(idToken.lastIndexOf('.') + 1));
    }

    @Test
    void withoutTokensTheApplicationsProviderLeavesTheCallerSignedOut() {
        TestWars.assertDeployed(base, "tokens-custom");
        Browser anonymous = new Browser(base);

        assertThat(Http.json(anonymous.get("api/tokens/provider")).getBoolean("present")).isFalse();
        JsonObject session = Http.json(anonymous.get("api/tokens/session"));
        assertThat(session.getBoolean("isSignedIn")).isFalse();
        assertThat(session.getBoolean("present")).isFalse();
        HttpResponse<String> put = anonymous.putText("api/files/anonymous.txt", "x");
        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(Http.json(put).getString("error")).isEqualTo("NOT_SIGNED_IN");
    }

    @Test
    void anExpiredIdTokenGetsNoCredentials() {
        TestWars.assertDeployed(base, "tokens-custom");
        String user = "oidc-expired-" + System.nanoTime();
        String sub = oidc().idToken().username(user).claims().get("sub").toString();
        Browser browser = signedInWith(oidc().accessToken().username(user).sign(),
                oidc().idToken().username(user).flaw(TokenFlaw.EXPIRED).sign());

        assertRefusedByTheIdentityPool(browser);
        assertThat(AwsStandIns.identity().identityFor(LOGIN_KEY, sub)).isEmpty();
    }

    @Test
    void anIdTokenOfAProviderTheIdentityPoolDoesNotTrustGetsNoCredentials() {
        TestWars.assertDeployed(base, "tokens-custom");
        String user = "stranger-" + System.nanoTime();
        Browser browser = signedInWith(unknown().accessToken().username(user).sign(),
                unknown().idToken().username(user).sign());

        assertRefusedByTheIdentityPool(browser);
        assertThat(AwsStandIns.identity().identityFor("unknown.example.test",
                unknown().idToken().username(user).claims().get("sub").toString())).isEmpty();
    }

    @Test
    void anIdTokenOfAnotherClientGetsNoCredentials() {
        TestWars.assertDeployed(base, "tokens-custom");
        String user = "oidc-other-client-" + System.nanoTime();
        Browser browser = signedInWith(oidc().accessToken().username(user).sign(),
                oidc().idToken().username(user).flaw(TokenFlaw.WRONG_CLIENT).sign());

        assertRefusedByTheIdentityPool(browser);
    }

    /** No credentials, the module's NOT_AUTHORIZED as a 401 (no 500), and the tokens still in the session. */
    private static void assertRefusedByTheIdentityPool(Browser browser) {
        HttpResponse<String> put = browser.putText("api/files/refused.txt", "x");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(401);
        assertThat(Http.json(put).getString("error")).isEqualTo("NOT_AUTHORIZED");
        assertThat(Http.json(put).getString("message")).contains("identity pool refused");
        HttpResponse<String> session = browser.get("api/tokens/session");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(401);
        assertThat(Http.json(browser.get("api/tokens/provider")).getBoolean("present")).isTrue();
    }
}
