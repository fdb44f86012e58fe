package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Forgery;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraLog;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Bearer tokens issued by the real Cognito emulator, checked by the module inside a real Payara Micro: who gets
 * in, with which roles, and how every kind of bad token is answered.
 */
@ExtendWith(SharedPayara.class)
class BearerTokenIT {

    private static final String APP = "bearer";
    private static final String CHALLENGE = "Bearer";

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        return TestWars.war(APP, TestWars.poolSettings(CognitoFixture.shared()), SecurityConfig.class.getPackage());
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    private static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    @Test
    void anAccessTokenFromInitiateAuthAuthenticatesTheCaller() {
        AuthenticationResultType alice = fixture().signIn(CognitoFixture.ALICE);

        HttpResponse<String> response = Http.getWithBearer(base, "api/caller", alice.accessToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject caller = Http.json(response);
        assertThat(caller.getString("jaxrsName")).isEqualTo("alice");
        assertThat(caller.getString("securityName")).isEqualTo("alice");
        assertThat(caller.getBoolean("servletPrincipalIsJwt")).isTrue();
        assertThat(caller.getBoolean("jaxrsPrincipalIsJwt")).isTrue();
        assertThat(caller.getJsonArray("jwtPrincipals").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("alice " + alice.accessToken().length());
        if (TestSettings.payaraMajorVersion() < 7) {
            assertThat(caller.getBoolean("principalIsJwt")).as(caller.getString("principalType")).isTrue();
        } else {
            // Payara 7 (7.2025.1; same source up to 7.2026.1) hands Jakarta Security its own WebPrincipal, which wraps the token
            // and carries its name: its RealmAdapter no longer puts the application's principal on the request as
            // Payara 6 does (FISH-6906). The spec allows it ("platform-specific principal"); the token is reached
            // through getPrincipalsByType (above) and @Inject JsonWebToken. When Payara changes this, tighten here.
            assertThat(caller.getString("principalType"))
                    .isEqualTo("com.sun.enterprise.security.web.integration.WebPrincipal");
        }
        assertThat(caller.getBoolean("jaxrsAdmin")).isTrue();
        assertThat(caller.getBoolean("securityAdmin")).isTrue();
        assertThat(caller.getBoolean("securityUser")).isTrue();
        assertThat(caller.getString("jwtName")).isEqualTo("alice");
        assertThat(caller.getJsonArray("jwtGroups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("admin", "user");
        assertThat(caller.getString("jwtIssuer")).isEqualTo(fixture().emulator().issuer(fixture().poolId));
        assertThat(caller.getString("jwtTokenUse")).isEqualTo("access");
        assertThat(caller.getString("jwtClientId")).isEqualTo(fixture().clientId);
        assertThat(caller.getString("jwtSubject")).isNotBlank();
        assertThat(caller.getJsonNumber("jwtExpiration").longValue()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(caller.getInt("jwtRawTokenLength")).isEqualTo(alice.accessToken().length());
        assertThat(response.headers().firstValue("Set-Cookie")).as("bearer requests are stateless").isEmpty();
    }

    @Test
    void rolesComeFromCognitoGroups() {
        String alice = fixture().signIn(CognitoFixture.ALICE).accessToken();
        String bob = fixture().signIn(CognitoFixture.BOB).accessToken();

        HttpResponse<String> aliceAdmin = Http.getWithBearer(base, "api/admin", alice);
        assertThat(aliceAdmin.statusCode()).isEqualTo(200);
        assertThat(aliceAdmin.body()).isEqualTo("admin area of alice");

        HttpResponse<String> bobAdmin = Http.getWithBearer(base, "api/admin", bob);
        assertThat(bobAdmin.statusCode()).as("signed in, but not in group admin").isEqualTo(403);
        assertThat(bobAdmin.headers().firstValue("WWW-Authenticate")).isEmpty();

        JsonObject bobCaller = Http.json(Http.getWithBearer(base, "api/caller", bob));
        assertThat(bobCaller.getBoolean("securityAdmin")).isFalse();
        assertThat(bobCaller.getBoolean("securityUser")).isTrue();
    }

    @Test
    void servletConstraintsUseTheSameCaller() {
        HttpResponse<String> alice = Http.getWithBearer(base, "servlet/admin",
                fixture().signIn(CognitoFixture.ALICE).accessToken());
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.body()).isEqualTo("servlet admin area of alice, user role: true");

        assertThat(Http.getWithBearer(base, "servlet/admin", fixture().signIn(CognitoFixture.BOB).accessToken())
                .statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = Http.get(base, "servlet/admin");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);
    }

    @Test
    void noTokenOnAProtectedResourceIsChallenged() {
        HttpResponse<String> response = Http.get(base, "api/caller");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);

        HttpResponse<String> basic = Http.getWithAuthorization(base, "api/admin", "Basic YWxpY2U6c2VjcmV0");
        assertThat(basic.statusCode()).as("another scheme is no bearer token").isEqualTo(401);
        assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly(CHALLENGE);
    }

    @Test
    void publicResourcesServeAnonymousAndSignedInCallersWithoutASession() {
        HttpResponse<String> anonymous = Http.get(base, "api/public");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonObject nobody = Http.json(anonymous);
        assertThat(nobody.getBoolean("authenticated")).isFalse();
        assertThat(nobody.getString("jwtName")).isEmpty();
        assertThat(nobody.getInt("jwtClaimCount")).isZero();

        HttpResponse<String> signedIn = Http.getWithBearer(base, "api/public",
                fixture().signIn(CognitoFixture.BOB).accessToken());
        JsonObject bob = Http.json(signedIn);
        assertThat(bob.getBoolean("authenticated")).isTrue();
        assertThat(bob.getString("jwtName")).isEqualTo("bob");
        assertThat(bob.getBoolean("session")).isFalse();
        assertThat(signedIn.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theSameTokenWorksRepeatedly() {
        String token = fixture().signIn(CognitoFixture.BOB).accessToken();
        for (int i = 0; i < 20; i++) {
            assertThat(Http.json(Http.getWithBearer(base, "api/public", token)).getString("jwtName")).isEqualTo("bob");
        }
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad("an id token where an access token is expected",
                        f -> f.signIn(CognitoFixture.ALICE).idToken(),
                        "the token has the wrong token_use for this application"),
                bad("a token of another app client of the pool",
                        f -> f.signIn(f.poolId, f.secretClientId, f.secretClientSecret, CognitoFixture.ALICE).accessToken(),
                        "the token was issued to another app client"),
                bad("a token of another user pool",
                        f -> f.signIn(f.otherPoolId, f.otherPoolClientId, null, CognitoFixture.ALICE).accessToken(),
                        "the token was issued by an untrusted issuer"),
                bad("an expired token", f -> Forgery.expired(f.signIn(CognitoFixture.ALICE).accessToken()),
                        "the token has expired"),
                bad("a tampered payload", f -> Forgery.tamperedPayload(f.signIn(CognitoFixture.BOB).accessToken()),
                        "the token signature is invalid"),
                bad("a tampered signature", f -> Forgery.tamperedSignature(f.signIn(CognitoFixture.BOB).accessToken()),
                        "the token signature is invalid"),
                bad("alg none", f -> Forgery.algNone(f.signIn(CognitoFixture.ALICE).accessToken()),
                        "the token is not signed with RS256"),
                bad("HS256 keyed with the public key", f -> Forgery.hs256WithPublicKey(
                                f.signIn(CognitoFixture.ALICE).accessToken(), f.emulator().jwksUri(f.poolId)),
                        "the token is not signed with RS256"),
                bad("a garbage string", f -> "this-is-not-a-token", "the token is not a well-formed JWT"),
                bad("an empty bearer value", f -> "", "the bearer token is empty"),
                bad("a 100 kB token", f -> "x".repeat(100 * 1024), "the token is longer than any Cognito token"));
    }

    private static Arguments bad(String name, Function<CognitoFixture, String> token, String reason) {
        return Arguments.of(name, token, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void everyBadTokenIsA401WithItsReason(String name, Function<CognitoFixture, String> make, String reason) {
        String token = make.apply(fixture());
        for (String path : List.of("api/caller", "api/public", "servlet/admin")) {
            HttpResponse<String> response = Http.getWithBearer(base, path, token);

            assertThat(response.statusCode()).as("%s on %s: %s", name, path, response.body()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(name).containsExactly(
                    "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.cognitoee");
            if (!token.isEmpty()) {
                assertThat(response.body()).doesNotContain(token);
            }
        }
    }

    @Test
    void rejectionsAreLoggedWithTheirReasonButNeverWithTheToken() throws InterruptedException {
        List<String> tokens = new ArrayList<>();
        String genuine = fixture().signIn(CognitoFixture.ALICE).accessToken();
        tokens.add(genuine);
        tokens.add(Forgery.expired(genuine));
        tokens.add(Forgery.tamperedSignature(genuine));
        tokens.add(fixture().signIn(CognitoFixture.ALICE).idToken());
        for (String token : tokens) {
            Http.getWithBearer(base, "api/caller", token);
        }

        String log = awaitLogContaining("Bearer token rejected (WRONG_TOKEN_USE) on GET /bearer/api/caller");
        assertThat(log).contains("Bearer token rejected (EXPIRED) on GET /bearer/api/caller: the token has expired");
        assertThat(log).contains("Bearer token rejected (BAD_SIGNATURE)");
        for (String token : tokens) {
            String[] parts = token.split("\\.");
            assertThat(log).doesNotContain(parts[1]).doesNotContain(parts[2]);
        }
    }

    private static String awaitLogContaining(String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String log = "";
        while (Instant.now().isBefore(deadline)) {
            log = PayaraLog.read();
            if (log.contains(expected)) {
                return log;
            }
            Thread.sleep(200);
        }
        assertThat(log).as("Payara's log (target/payara-micro.log*)").contains(expected);
        return log;
    }
}
