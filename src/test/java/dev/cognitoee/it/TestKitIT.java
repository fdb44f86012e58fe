package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.kit.KitSecurityConfig;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.testkit.TestUserPool;
import dev.cognitoee.testkit.TokenFlaw;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test kit used as an application's own test would use it (docs/TESTING.md): a tiny WAR protected by the
 * module, configured only by {@link TestUserPool#settingsAsProperties()}, called in Payara Micro with the kit's
 * tokens. No emulator: the kit's pool is the only user pool there is.
 */
@ExtendWith(ArquillianExtension.class)
class TestKitIT {

    private static final String APP = "testkit";
    private static final String ORDERS = "api/orders";
    private static final TestUserPool POOL = TestUserPool.start();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestWars.moduleWar(APP)
                .addPackage(KitSecurityConfig.class.getPackage())
                .addAsResource(new StringAsset(POOL.settingsAsProperties()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopPool() {
        POOL.close();
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @Test
    void aValidTokenOfTheGroupGetsIn() {
        HttpResponse<String> response = Http.getWithBearer(base, ORDERS,
                POOL.accessToken().username("alice").groups("admin").sign());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("orders of alice (sub "
                + POOL.accessToken().username("alice").claims().get("sub") + ")");
        assertThat(POOL.jwks().requests()).as("the module fetched the kit's JWKS").isPositive();
    }

    @Test
    void aValidTokenWithoutTheGroupIsForbidden() {
        HttpResponse<String> response = Http.getWithBearer(base, ORDERS,
                POOL.accessToken().username("bob").groups("user").sign());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    @Test
    void noTokenIsChallenged() {
        HttpResponse<String> response = Http.get(base, ORDERS);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @ParameterizedTest
    @EnumSource(TokenFlaw.class)
    void eachFlawedTokenIsA401WithItsReason(TokenFlaw flaw) {
        String token = POOL.accessToken().username("alice").groups("admin").flaw(flaw).sign();

        HttpResponse<String> response = Http.getWithBearer(base, ORDERS, token);

        assertThat(response.statusCode()).as("%s: %s", flaw.description(), response.body()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).as(flaw.description()).containsExactly(
                "Bearer error=\"invalid_token\", error_description=\"" + reason(flaw) + "\"");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain(token);
    }

    /** The module's fixed text for each flaw (docs/TOKENS.md); a new flaw does not compile until it is added. */
    private static String reason(TokenFlaw flaw) {
        return switch (flaw) {
            case EXPIRED -> "the token has expired";
            case WRONG_ISSUER -> "the token was issued by an untrusted issuer";
            case WRONG_CLIENT -> "the token was issued to another app client";
            case WRONG_TOKEN_USE -> "the token has the wrong token_use for this application";
            case ALG_NONE, HS256_WITH_PUBLIC_KEY -> "the token is not signed with RS256";
            case UNKNOWN_KEY -> "the token is signed with a key the user pool does not publish";
            case BAD_SIGNATURE -> "the token signature is invalid";
        };
    }
}
