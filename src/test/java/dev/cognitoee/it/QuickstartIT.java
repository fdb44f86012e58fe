package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.quickstart.QuickstartWar;
import dev.cognitoee.it.quickstart.ReadmeSnippets;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's "Five-minute integration into your WAR", as printed: its code blocks are compiled into a WAR
 * ({@link QuickstartWar}), deployed to Payara Micro against the emulator's pool, and called as the README says
 * a client and a browser will. Only the pool's settings differ from the README: they come from a config source
 * that outranks the WAR's own file, as environment variables would.
 */
@ExtendWith(SharedPayara.class)
class QuickstartIT {

    private static final String APP = "quickstart";
    private static final String ORDERS = "api/orders";

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        return QuickstartWar.build(APP, TestWars.poolSettings(CognitoFixture.shared()));
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    private static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    @Test
    void aCallWithoutATokenIsChallenged() {
        HttpResponse<String> anonymous = Http.get(base, ORDERS);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void anAdminsBearerTokenReadsTheOrdersUnderTheCallersName() {
        HttpResponse<String> alice = Http.getWithBearer(base, ORDERS,
                fixture().signIn(CognitoFixture.ALICE).accessToken());

        assertThat(alice.statusCode()).as(alice.body()).isEqualTo(200);
        assertThat(alice.body()).isEqualTo("orders of alice");
        assertThat(alice.headers().firstValue("Set-Cookie")).as("bearer requests are stateless").isEmpty();
    }

    @Test
    void aUserOutsideTheAdminGroupIsForbidden() {
        HttpResponse<String> bob = Http.getWithBearer(base, ORDERS, fixture().signIn(CognitoFixture.BOB).accessToken());

        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(403);
        assertThat(bob.body()).doesNotContain("orders of");
    }

    @Test
    void aTokenOfAnotherPoolIsRefused() {
        String otherPool = fixture().signIn(fixture().otherPoolId, fixture().otherPoolClientId, null,
                CognitoFixture.ALICE).accessToken();

        HttpResponse<String> response = Http.getWithBearer(base, ORDERS, otherPool);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    @Test
    void aBrowserSignsInWithTheLoginFormAndItsSessionReadsTheOrders() {
        Browser browser = new Browser(base);
        HttpResponse<String> anonymous = browser.get(ORDERS, "Accept", "text/html");
        assertThat(anonymous.statusCode()).as("a JAX-RS resource challenges browsers as it does curl").isEqualTo(401);

        HttpResponse<String> form = browser.get("login.html", "Accept", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).as("the login page as the README prints it")
                .isEqualTo(ReadmeSnippets.read(QuickstartWar.readme()).get("src/main/webapp/login.html").text());

        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.ALICE, "j_password", CognitoFixture.PASSWORD),
                "Origin", origin());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).as("no page was asked for first: the application's root")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/" + APP + "/"));

        HttpResponse<String> orders = browser.get(ORDERS, "Accept", "text/html");
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        assertThat(orders.body()).isEqualTo("orders of alice");
    }

    @Test
    void aBrowserSignedInOutsideTheAdminGroupIsForbidden() {
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.BOB, "j_password", CognitoFixture.PASSWORD), "Origin", origin());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);

        HttpResponse<String> orders = browser.get(ORDERS, "Accept", "text/html");
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPage() {
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postForm("j_security_check",
                Map.of("j_username", CognitoFixture.ALICE, "j_password", "not-" + CognitoFixture.PASSWORD),
                "Origin", origin());

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/" + APP + "/login.html?error="));
        assertThat(browser.get(ORDERS, "Accept", "text/html").statusCode()).as("still not signed in")
                .isEqualTo(401);
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }
}
