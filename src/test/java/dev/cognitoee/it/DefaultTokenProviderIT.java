package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.it.tokens.TokensResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's own token provider, injected as {@code @Cognito TokenProvider} into an application's bean: a
 * signed-in session's Cognito tokens (from the emulator), refreshed when asked; a bearer caller's token as sent;
 * nothing for an anonymous caller.
 */
@ExtendWith(SharedPayara.class)
class DefaultTokenProviderIT {

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(defaultTokens()).url("tokens-default");
    }

    static WebArchive defaultTokens() {
        return TestWars.withApplicationAwsSdk(TestWars.war("tokens-default", AwsStandIns.applicationSettings(),
                AwsSecurityConfig.class.getPackage()).addPackage(TokensResource.class.getPackage()));
    }

    @Test
    void aSignedInSessionsProviderGivesItsTokensAndRefreshesThemWhenForced() {
        TestWars.assertDeployed(base, "tokens-default");
        String user = "tokens-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        Browser browser = new Browser(base);
        assertThat(browser.postJson("api/sign-in", Json.createObjectBuilder().add("username", user)
                .add("password", CognitoFixture.PASSWORD).build()).statusCode()).isEqualTo(200);

        JsonObject first = Http.json(browser.get("api/tokens/provider"));
        assertThat(first.getJsonObject("access").getString("username")).isEqualTo(user);
        assertThat(first.getJsonObject("access").getString("iss"))
                .isEqualTo(CognitoFixture.shared().emulator().issuer(CognitoFixture.shared().poolId));
        assertThat(first.getJsonObject("id").getString("username")).isEqualTo(user);
        String jti = first.getJsonObject("access").getString("jti");
        assertThat(Http.json(browser.get("api/tokens/provider")).getJsonObject("access").getString("jti"))
                .as("not due: the same tokens").isEqualTo(jti);

        JsonObject refreshed = Http.json(browser.get("api/tokens/provider?forceRefresh=true"));

        String newJti = refreshed.getJsonObject("access").getString("jti");
        assertThat(newJti).as("a forced refresh: new tokens from Cognito").isNotEqualTo(jti);
        assertThat(refreshed.getJsonObject("access").getString("sub"))
                .isEqualTo(first.getJsonObject("access").getString("sub"));
        JsonObject session = Http.json(browser.get("api/tokens/session"));
        assertThat(session.getJsonObject("access").getString("jti")).as("the session keeps the new tokens")
                .isEqualTo(newJti);
        assertThat(session.getString("userSub")).isEqualTo(first.getJsonObject("id").getString("sub"));
        assertThat(session.getString("identityId")).isNotBlank(); // the session's id token went to the identity pool
    }

    @Test
    void aBearerCallersProviderGivesItsTokenAsSentAndCannotRefreshIt() {
        TestWars.assertDeployed(base, "tokens-default");
        String user = "tokens-bearer-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        String access = CognitoFixture.shared().signIn(user).accessToken();

        for (String path : new String[] {"api/tokens/provider", "api/tokens/provider?forceRefresh=true"}) {
            HttpResponse<String> response = Http.getWithBearer(base, path, access);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject given = Http.json(response);
            assertThat(given.getJsonObject("access").getString("username")).isEqualTo(user);
            assertThat(given.getJsonObject("access").getString("jti"))
                    .isEqualTo(dev.cognitoee.JWT.decodeJWT(access).payload().getString("jti"));
            assertThat(given.containsKey("id")).isFalse();
        }
    }

    @Test
    void anAnonymousCallerHasNoTokens() {
        TestWars.assertDeployed(base, "tokens-default");
        JsonObject given = Http.json(new Browser(base).get("api/tokens/provider"));
        assertThat(given.getBoolean("present")).isFalse();
    }
}
