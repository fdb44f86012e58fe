package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognitoee.it.pools.PoolsSecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Forgery;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.testkit.TestUserPool;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One application trusting three issuers, in a real Payara Micro: the emulator's main pool as the default pool
 * (its groups are the roles), the emulator's second pool as the named pool {@code partners} (only its group
 * {@code Admins} is a role, {@code admin}), and an OIDC issuer of the test kit ({@code idp}, audience
 * {@code orders-api}, group {@code idp-admins} as {@code admin}). Each token is judged by its own issuer; a fourth
 * issuer, trusted by nobody, is refused without its keys ever being fetched.
 */
@ExtendWith(SharedPayara.class)
class SeveralPoolsIT {

    private static final String APP = "pools";
    private static final String IDP_ISSUER = "https://login.idp.example";
    private static final TestUserPool IDP = TestUserPool.builder().issuer(IDP_ISSUER).clientId("orders-api")
            .keyId("idp-key").start();
    private static final TestUserPool STRANGER = TestUserPool.builder().userPoolId("eu-west-1_Stranger1")
            .clientId("orders-api").keyId("stranger-key").start();

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        CognitoFixture fixture = fixture();
        Map<String, String> settings = TestWars.poolSettings(fixture);
        settings.put("cognito.pools", "partners");
        settings.put("cognito.pool.partners.user-pool-id", fixture.otherPoolId);
        settings.put("cognito.pool.partners.region", CognitoLocal.REGION.id());
        settings.put("cognito.pool.partners.client-id", fixture.otherPoolClientId);
        settings.put("cognito.pool.partners.issuer", fixture.emulator().issuer(fixture.otherPoolId));
        settings.put("cognito.pool.partners.jwks-uri", fixture.emulator().jwksUri(fixture.otherPoolId));
        settings.put("cognito.pool.partners.role-mapping", "Admins=admin");
        settings.put("cognito.oidc-issuers", "idp");
        settings.put("cognito.oidc-issuer.idp.issuer", IDP_ISSUER);
        settings.put("cognito.oidc-issuer.idp.jwks-uri", IDP.jwks().uri().toString());
        settings.put("cognito.oidc-issuer.idp.audience", "orders-api");
        settings.put("cognito.oidc-issuer.idp.role-mapping", "idp-admins=admin,idp-staff=user");
        return TestWars.war(APP, settings, PoolsSecurityConfig.class.getPackage());
    }

    @AfterAll
    static void stopIssuers() {
        IDP.close();
        STRANGER.close();
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    private static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    @Test
    void theDefaultPoolsGroupsAreItsRoles() {
        String alice = fixture().signIn(CognitoFixture.ALICE).accessToken();

        JsonObject who = who(alice);
        assertThat(who.getString("name")).isEqualTo("alice");
        assertThat(who.getString("pool")).isEqualTo("default");
        assertThat(who.getString("castPool")).as("@Inject JsonWebToken can be cast").isEqualTo("default");
        assertThat(who.getBoolean("admin")).isTrue();
        assertThat(who.getBoolean("user")).isTrue();
        assertThat(groups(who)).containsExactlyInAnyOrder("admin", "user");
        HttpResponse<String> admin = Http.getWithBearer(base, "api/admin", alice);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("admin area of alice from default");
    }

    @Test
    void aNamedPoolsMappedGroupIsARole() {
        String carol = signInToSecondPool(CognitoFixture.CAROL);

        JsonObject who = who(carol);
        assertThat(who.getString("name")).isEqualTo("carol");
        assertThat(who.getString("pool")).isEqualTo("partners");
        assertThat(who.getString("castPool")).isEqualTo("partners");
        assertThat(who.getBoolean("admin")).as("Admins=admin").isTrue();
        assertThat(who.getBoolean("user")).isFalse();
        assertThat(groups(who)).containsExactly("admin");
        HttpResponse<String> admin = Http.getWithBearer(base, "api/admin", carol);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("admin area of carol from partners");
    }

    @Test
    void aNamedPoolsOwnGroupCalledAdminIsNotTheRoleAdmin() {
        String dave = signInToSecondPool(CognitoFixture.DAVE);

        JsonObject who = who(dave);
        assertThat(who.getString("pool")).isEqualTo("partners");
        assertThat(who.getBoolean("admin")).as("the pool's group 'admin' is not mapped").isFalse();
        assertThat(groups(who)).isEmpty();
        assertThat(Http.getWithBearer(base, "api/admin", dave).statusCode()).isEqualTo(403);
    }

    @Test
    void theSameUsernameInTwoPoolsIsTwoCallers() {
        JsonObject inSecondPool = who(signInToSecondPool(CognitoFixture.ALICE));
        JsonObject inDefaultPool = who(fixture().signIn(CognitoFixture.ALICE).accessToken());

        assertThat(inSecondPool.getString("name")).isEqualTo(inDefaultPool.getString("name")).isEqualTo("alice");
        assertThat(inSecondPool.getString("pool")).isEqualTo("partners");
        assertThat(inSecondPool.getBoolean("admin")).as("the default pool's alice is admin, this one is not")
                .isFalse();
        assertThat(inDefaultPool.getString("pool")).isEqualTo("default");
        assertThat(inDefaultPool.getBoolean("admin")).isTrue();
    }

    @Test
    void anOidcIssuersTokenIsJudgedByItsAudienceAndRoleMapping() {
        String token = IDP.idToken().sub("idp-user-7").claim("groups", List.of("idp-admins", "admin")).sign();

        JsonObject who = who(token);
        assertThat(who.getString("name")).as("named by sub").isEqualTo("idp-user-7");
        assertThat(who.getString("pool")).isEqualTo("idp");
        assertThat(who.getBoolean("admin")).isTrue();
        assertThat(who.getBoolean("user")).isFalse();
        assertThat(IDP.jwks().requests()).isPositive();
    }

    @Test
    void anUntrustedIssuersTokenIsRefusedWithoutFetchingItsKeys() {
        int before = STRANGER.jwks().requests();
        String token = STRANGER.accessToken().username("alice").groups("admin").sign();

        assertInvalidToken(Http.getWithBearer(base, "api/admin", token), token,
                "the token was issued by an untrusted issuer");
        assertInvalidToken(Http.getWithBearer(base, "api/who", token), token,
                "the token was issued by an untrusted issuer");
        assertThat(STRANGER.jwks().requests()).as("the untrusted issuer's JWKS").isZero().isEqualTo(before);
    }

    @Test
    void aTokenWhoseIssuerIsRewrittenToAnotherTrustedIssuerIsRefused() {
        // the IdP's key, the default pool's iss and client: judged by the default pool's keys, which lack it
        String idpSigned = IDP.accessToken().issuer(fixture().emulator().issuer(fixture().poolId))
                .clientId(fixture().clientId).username("alice").groups("admin").sign();
        assertInvalidToken(Http.getWithBearer(base, "api/admin", idpSigned), idpSigned,
                "the token is signed with a key the user pool does not publish");

        // the emulator signs for all its pools with one key: the second pool's checks still refuse the default
        // pool's token moved over to it, by its app client
        String moved = Forgery.resignedByEmulator(fixture().signIn(CognitoFixture.ALICE).accessToken(),
                (JWTClaimsSet.Builder c) -> c.issuer(fixture().emulator().issuer(fixture().otherPoolId)));
        assertInvalidToken(Http.getWithBearer(base, "api/admin", moved), moved,
                "the token was issued to another app client");
    }

    @Test
    void theRightIssuerWithTheWrongAudienceOrClientIsRefused() {
        String otherAudience = IDP.idToken().clientId("billing-api").sub("idp-user-7")
                .claim("groups", List.of("idp-admins")).sign();
        assertInvalidToken(Http.getWithBearer(base, "api/who", otherAudience), otherAudience,
                "the token was issued to another audience");

        String otherClient = fixture().signIn(fixture().poolId, fixture().secretClientId,
                fixture().secretClientSecret, CognitoFixture.ALICE).accessToken();
        assertInvalidToken(Http.getWithBearer(base, "api/who", otherClient), otherClient,
                "the token was issued to another app client");
    }

    @Test
    void theAccountApiServesTheDefaultPoolsUsersOnly() {
        HttpResponse<String> alice = Http.getWithBearer(base, "api/email",
                fixture().signIn(CognitoFixture.ALICE).accessToken());
        assertThat(alice.statusCode()).as(alice.body()).isEqualTo(200);
        assertThat(alice.body()).isEqualTo("alice@example.com");

        HttpResponse<String> carol = Http.getWithBearer(base, "api/email", signInToSecondPool(CognitoFixture.CAROL));
        assertThat(carol.statusCode()).isEqualTo(409);
        assertThat(carol.body()).isEqualTo("NOT_SIGNED_IN: This call serves the users of the default pool; the "
                + "caller's token comes from 'partners'");
    }

    private JsonObject who(String token) {
        HttpResponse<String> response = Http.getWithBearer(base, "api/who", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("bearer requests are stateless").isEmpty();
        return Http.json(response);
    }

    private static List<String> groups(JsonObject who) {
        return who.getJsonArray("groups").getValuesAs(JsonString::getString);
    }

    private static String signInToSecondPool(String username) {
        return fixture().signIn(fixture().otherPoolId, fixture().otherPoolClientId, null, username).accessToken();
    }

    private static void assertInvalidToken(HttpResponse<String> response, String token, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
                "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
        assertThat(response.body()).doesNotContain(token).doesNotContain("Exception");
    }
}
