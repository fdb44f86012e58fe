package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.container.ContainerSecurityConfig;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.Forgery;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SetCookie;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JAX-RS security and error answers of an application with the module on, in a real Payara Micro against the
 * emulator: {@code @PermitAll} is public (method and class level) next to {@code @RolesAllowed} methods that still
 * challenge (401) and forbid (403); API clients (a bearer token, or {@code Accept: application/json}) get their
 * 401, 403 and 503 as a small JSON body with RFC 6750 names, browsers keep the server's pages.
 */
@ExtendWith(SharedPayara.class)
class ApiSecurityIT {

    private static final String APP = "apisec";
    private static final String KEYS_DOWN = "keysdown";
    private static final String JSON = "application/json";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static Deployment payara;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void deploy(Deployer server) {
        CognitoFixture fixture = CognitoFixture.shared();
        Map<String, String> keysDown = new LinkedHashMap<>(TestWars.poolSettings(fixture));
        // nothing listens there: the keys cannot be fetched
        keysDown.put("cognito.jwks-uri", "http://127.0.0.1:" + FreePort.next() + "/jwks.json");
        payara = server.deploy(
                TestWars.war(APP, TestWars.poolSettings(fixture), ContainerSecurityConfig.class.getPackage()),
                TestWars.war(KEYS_DOWN, keysDown, ContainerSecurityConfig.class.getPackage()));
        for (String name : List.of(APP, KEYS_DOWN)) {
            assertThat(payara.output()).as("Payara's output (%s)", payara.log())
                    .contains(" " + name + " was successfully deployed");
        }
        alice = fixture.signIn(CognitoFixture.ALICE).accessToken();
        bob = fixture.signIn(CognitoFixture.BOB).accessToken();
    }

    // ---- Defect 14: @PermitAll means public ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api/mixed/open", "api/open", "api/members/welcome"})
    void permitAllServesAnonymousCallers(String path) {
        for (String accept : new String[] {null, JSON, HTML}) {
            HttpResponse<String> response = get(APP, path, accept, null);
            assertThat(response.statusCode()).as("%s, Accept %s: %s", path, accept, response.body()).isEqualTo(200);
            JsonObject caller = Http.json(response);
            assertThat(caller.getString("caller")).isEmpty();
            assertThat(caller.getBoolean("session")).isFalse();
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api/mixed/open", "api/open", "api/members/welcome"})
    void permitAllKnowsACallerWithAValidBearerToken(String path) {
        HttpResponse<String> response = get(APP, path, null, bob);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getString("caller")).isEqualTo(CognitoFixture.BOB);
        assertThat(Http.json(response).getBoolean("session")).as("bearer requests are stateless").isFalse();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api/mixed/open", "api/open", "api/members/welcome"})
    void permitAllRefusesAnInvalidBearerToken(String path) {
        // RFC 6750: a token that was sent is judged, even where none is needed
        assertInvalidToken(get(APP, path, null, Forgery.expired(alice)), "the token has expired");
    }

    @Test
    void rolesAllowedBesidePermitAllStillChallengesAndForbids() {
        for (String path : List.of("api/mixed/admin", "api/open/admin", "api/members")) {
            HttpResponse<String> anonymous = get(APP, path, null, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().allValues("WWW-Authenticate")).as(path).containsExactly("Bearer");

            HttpResponse<String> withoutRole = get(APP, path, null, bob);
            assertThat(withoutRole.statusCode()).as(path).isEqualTo(403);

            HttpResponse<String> admin = get(APP, path, null, alice);
            assertThat(admin.statusCode()).as("%s: %s", path, admin.body()).isEqualTo(200);
            assertThat(Http.json(admin).getString("caller")).isEqualTo(CognitoFixture.ALICE);
        }
        HttpResponse<String> user = get(APP, "api/mixed/user", null, bob);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(Http.json(user).getString("caller")).isEqualTo(CognitoFixture.BOB);
    }

    // ---- Defect 15: error bodies for APIs ----

    @Test
    void noTokenIsA401WithAJsonBodyForApiClients() {
        for (String path : List.of("servlet/admin", "api/mixed/admin", "api/members")) {
            HttpResponse<String> response = get(APP, path, JSON, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(path).containsExactly("Bearer");
            assertJsonError(response, "unauthorized",
                    "authentication is required: send a bearer token or sign in");
        }
    }

    @Test
    void anInvalidTokenIsA401WithAJsonBody() {
        for (String path : List.of("servlet/admin", "api/mixed/admin", "api/mixed/open")) {
            assertInvalidToken(get(APP, path, null, Forgery.tamperedSignature(alice)),
                    "the token signature is invalid");
            assertInvalidToken(get(APP, path, HTML, "not-a-token"), "the token is not a well-formed JWT");
        }
    }

    @Test
    void aCallerWithoutTheRoleGetsA403WithAJsonBody() {
        for (String path : List.of("api/mixed/admin", "api/open/admin", "api/members")) {
            HttpResponse<String> response = get(APP, path, null, bob);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertJsonError(response, "forbidden", "the caller is not in a role this resource allows");
        }
    }

    @Test
    void keysOutOfReachAreA503WithRetryAfterAndAJsonBody() {
        HttpResponse<String> response = get(KEYS_DOWN, "api/mixed/admin", null, alice);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("10");
        assertJsonError(response, "temporarily_unavailable",
                "the identity provider cannot be reached; try again shortly");
    }

    @Test
    void browsersKeepTheServersPages() {
        for (String path : List.of("servlet/admin", "api/mixed/admin")) {
            HttpResponse<String> response = get(APP, path, HTML, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).doesNotContain("json"));
        }
    }

    // ---- Defect 4, the other side: X-Forwarded-Proto is trusted only where the listener is told to ----

    @Test
    void aForwardedProtoThatTheListenerDoesNotTrustChangesNothing() {
        // this server has no scheme-mapping (SessionCookieIT's has): any client could send the header
        SetCookie cookie = SetCookie.session(new Browser(payara.url(APP)).get("session", "X-Forwarded-Proto", "https"));
        assertThat(cookie.has("Secure")).as(cookie.header()).isFalse();
        assertThat(cookie.attribute("SameSite")).as(cookie.header()).isEqualToIgnoringCase("Lax");
    }

    private static void assertInvalidToken(HttpResponse<String> response, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
        assertJsonError(response, "invalid_token", description);
    }

    private static void assertJsonError(HttpResponse<String> response, String error, String description) {
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject body = Http.json(response);
        assertThat(body.keySet()).containsExactlyInAnyOrder("error", "error_description");
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("error_description")).isEqualTo(description);
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
    }

    /** A GET from a fresh client (no cookies) with the given {@code Accept} and bearer token, each if not null. */
    private static HttpResponse<String> get(String app, String path, String accept, String bearer) {
        List<String> headers = new ArrayList<>();
        if (accept != null) {
            headers.addAll(List.of("Accept", accept));
        }
        if (bearer != null) {
            headers.addAll(List.of("Authorization", "Bearer " + bearer));
        }
        return new Browser(payara.url(app)).get(path, headers.toArray(String[]::new));
    }
}
