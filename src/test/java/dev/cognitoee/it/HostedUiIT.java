package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.hosted.HostedSecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.HostedUiStandIn;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Sign-in through the hosted UI, end to end at the HTTP level: a real Payara Micro with the module
 * ({@code cognito.sign-in=hosted-ui}), the real emulator's {@code /oauth2/authorize} form and {@code /oauth2/token},
 * and the {@link HostedUiStandIn} in front of it for what the emulator lacks (nonce, client authentication,
 * {@code /logout}). The app client has a secret, so every code exchange is authenticated with HTTP Basic.
 *
 * <p>The callback URL names the shared server's port: it must be registered on the app client before the WAR is
 * deployed.
 */
@ExtendWith(SharedPayara.class)
class HostedUiIT {

    private static final String APP = "hosted";
    /** The same application with {@code cognito.error-page}: failures end there rather than in a 400/401. */
    private static final String APP_WITH_ERROR_PAGE = "hostederrors";
    private static final String SCOPES = "openid email profile aws.cognito.signin.user.admin";
    private static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private static HostedUiStandIn standIn;
    private static Deployment payara;
    private static UserPoolClientType client;
    private static URI callbackUri;
    private static URI signedOutUri;
    private static URI errorPageAppCallbackUri;
    /** Every code and state the tests saw: none may reach Payara's log. */
    private static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void deploy(Deployer server) {
        CognitoFixture fixture = CognitoFixture.shared();
        int port = server.port();
        callbackUri = URI.create("http://localhost:" + port + "/" + APP + "/callback");
        signedOutUri = URI.create("http://localhost:" + port + "/" + APP + "/signed-out");
        errorPageAppCallbackUri = URI.create("http://localhost:" + port + "/" + APP_WITH_ERROR_PAGE + "/callback");
        client = HostedUiStandIn.createAppClient(fixture.emulator(), fixture.poolId, "hosted-ui", true,
                List.of(callbackUri.toString(), errorPageAppCallbackUri.toString()), List.of(signedOutUri.toString()));
        standIn = HostedUiStandIn.start(fixture.emulator(), fixture.poolId);

        Map<String, String> settings = TestWars.poolSettings(fixture.emulator(), fixture.poolId, client.clientId());
        settings.put("cognito.client-secret", client.clientSecret());
        settings.put("cognito.jwks-uri", standIn.jwksUri());
        settings.put("cognito.hosted-ui.endpoint", standIn.baseUri().toString());
        settings.put("cognito.redirect-uri", callbackUri.toString());
        settings.put("cognito.logout-uri", signedOutUri.toString());
        settings.put("cognito.refresh-ahead", Long.toString(REFRESH_AHEAD.toSeconds()));
        Map<String, String> withErrorPage = new LinkedHashMap<>(settings);
        withErrorPage.put("cognito.redirect-uri", errorPageAppCallbackUri.toString());
        withErrorPage.put("cognito.error-page", "/failed");
        payara = server.deploy(
                TestWars.war(APP, settings, HostedSecurityConfig.class.getPackage())
                        .addPackage(MovableClock.class.getPackage()),
                TestWars.war(APP_WITH_ERROR_PAGE, withErrorPage, HostedSecurityConfig.class.getPackage())
                        .addPackage(MovableClock.class.getPackage()));
        for (String app : List.of(APP, APP_WITH_ERROR_PAGE)) {
            assertThat(payara.output()).as("Payara's output (%s)", payara.log())
                    .contains(" " + app + " was successfully deployed");
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (payara != null) {
                String log = payara.output();
                for (String secret : secrets) {
                    assertThat(log).as("Payara's log (%s) holds no code or state", payara.log())
                            .doesNotContain(secret);
                }
            }
        } finally {
            if (standIn != null) {
                standIn.close();
            }
        }
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset(base());
    }

    private static URL base() {
        return payara.url(APP);
    }

    private static URI app(String path) {
        return URI.create(base().toString()).resolve(path);
    }

    private static String newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        return username;
    }

    @Test
    void anAnonymousBrowserIsSentToTheHostedUiAndComesBackSignedInToThePageItAskedFor() {
        String username = newUser("hana");
        HostedBrowser browser = new HostedBrowser();
        int eventsBefore = events().size();

        HttpResponse<String> asked = browser.get(app("page/orders?sort=new"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(302);
        URI authorize = location(asked);
        assertThat(authorize.toString()).startsWith(standIn.baseUri() + "/oauth2/authorize?");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", client.clientId())
                .containsEntry("redirect_uri", callbackUri.toString())
                .containsEntry("scope", SCOPES)
                .containsEntry("code_challenge_method", "S256")
                .doesNotContainKeys("identity_provider", "idp_identifier");
        assertThat(query.get("state")).as("state: 256 random bits, base64url").matches("[\\w-]{43}");
        assertThat(query.get("nonce")).as("nonce").matches("[\\w-]{43}").isNotEqualTo(query.get("state"));
        assertThat(query.get("code_challenge")).as("S256 challenge").matches("[\\w-]{43}");
        String anonymousSession = browser.sessionId();
        assertThat(anonymousSession).as("the pending sign-in lives in the browser's session").isNotNull();

        URI callback = browser.signInAtHostedUi(authorize, username);
        HttpResponse<String> back = browser.get(callback);

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(location(back).toString()).isEqualTo(app("page/orders?sort=new").toString());
        assertThat(browser.sessionId()).as("a new session at sign-in").isNotNull().isNotEqualTo(anonymousSession);
        HttpResponse<String> page = browser.get(location(back));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).startsWith("page /orders of " + username + " user=true admin=false");
        assertThat(eventsSince(eventsBefore)).contains(
                "SignedIn " + username + " HOSTED_UI groups=[user]",
                "SignInWithRedirect " + username + " sub=true groups=[user] customState=null pool=default");
        awaitEvent("async SignInWithRedirect " + username);
    }

    @Test
    void apiCallersGetA401NotTheHostedUi() {
        HostedBrowser client = new HostedBrowser();

        HttpResponse<String> api = client.get(app("page/x"), "application/json");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(api.headers().firstValue("Location")).isEmpty();
        assertThat(client.sessionId()).as("no pending sign-in, no session").isNull();
    }

    @Test
    void aPendingSignInExpiresAfterTenMinutesOfTheServersClock() {
        String username = newUser("quinn");
        HostedBrowser browser = new HostedBrowser();
        URI callback = browser.signInAtHostedUi(location(browser.get(app("page/x"))), username);

        ServerClock.moveTo(base(), Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(5));

        assertRefused(browser.get(callback), 400, "INVALID_STATE");
        assertNotSignedIn(browser);
    }

    @Test
    void signInWithRedirectGoesToTheProviderAndHandsTheCustomStateBack() {
        String username = newUser("ines");
        HostedBrowser browser = new HostedBrowser();
        int eventsBefore = events().size();

        HttpResponse<String> started = browser.get(app("start?provider=COGNITO&customState=cart-42&returnTo="
                + encode("/page/cart")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        URI authorize = location(started);
        assertThat(query(authorize)).containsEntry("identity_provider", "COGNITO");

        HttpResponse<String> back = browser.get(browser.signInAtHostedUi(authorize, username));

        assertThat(location(back).toString()).isEqualTo(app("page/cart").toString());
        assertThat(browser.get(location(back)).body()).startsWith("page /cart of " + username);
        assertThat(eventsSince(eventsBefore)).contains("SignInWithRedirect " + username
                + " sub=true groups=[user] customState=cart-42 pool=default");
    }

    @Test
    void aTamperedStateIsRefusedAndTheRealOneStillWorks() {
        String username = newUser("jack");
        HostedBrowser browser = new HostedBrowser();
        URI callback = browser.signInAtHostedUi(location(browser.get(app("page/x"))), username);
        Map<String, String> query = query(callback);
        String state = query.get("state");
        String tampered = (state.charAt(0) == 'A' ? "B" : "A") + state.substring(1);
        int eventsBefore = events().size();

        HttpResponse<String> refused = browser.get(callbackWith(query.get("code"), tampered));

        assertRefused(refused, 400, "INVALID_STATE");
        assertNotSignedIn(browser);
        assertThat(eventsSince(eventsBefore)).containsExactly("SignInWithRedirectFailed INVALID_STATE customState=null"
                + " reason=the state names no pending sign-in of this browser (unknown, expired or already used)");
        assertThat(browser.get(callback).statusCode()).as("the pending sign-in was not used up").isEqualTo(302);
        assertThat(browser.get(app("page/x")).statusCode()).isEqualTo(200);
    }

    @Test
    void aReplayedCallbackIsRefused() {
        String username = newUser("kate");
        HostedBrowser browser = new HostedBrowser();
        URI callback = browser.signInAtHostedUi(location(browser.get(app("page/x"))), username);
        assertThat(browser.get(callback).statusCode()).isEqualTo(302);
        String signedInSession = browser.sessionId();
        int eventsBefore = events().size();

        HttpResponse<String> replay = browser.get(callback);

        assertRefused(replay, 400, "INVALID_STATE");
        assertThat(browser.sessionId()).as("no new session").isEqualTo(signedInSession);
        assertThat(eventsSince(eventsBefore)).hasSize(1).allMatch(e -> e.startsWith(
                "SignInWithRedirectFailed INVALID_STATE"));
        // and in a fresh browser, which has no pending sign-in at all
        HostedBrowser other = new HostedBrowser();
        assertRefused(other.get(callback), 400, "INVALID_STATE");
        assertThat(other.sessionId()).as("no session created for a stray callback").isNull();
    }

    @Test
    void aCodeAlreadyExchangedIsRefusedEvenWithAnotherValidState() {
        String username = newUser("liam");
        HostedBrowser first = new HostedBrowser();
        URI used = first.signInAtHostedUi(location(first.get(app("page/x"))), username);
        assertThat(first.get(used).statusCode()).isEqualTo(302);

        HostedBrowser second = new HostedBrowser();
        String pendingState = query(location(second.get(app("page/x")))).get("state");
        int eventsBefore = events().size();
        HttpResponse<String> replay = second.get(callbackWith(query(used).get("code"), pendingState));

        assertRefused(replay, 400, "INVALID_GRANT");
        assertNotSignedIn(second);
        assertThat(eventsSince(eventsBefore)).containsExactly("SignInWithRedirectFailed INVALID_GRANT "
                + "customState=null reason=The token endpoint refused the code (invalid_grant)");
    }

    @Test
    void aCodeDeliveredToAnotherBrowserFailsItsPkceVerifier() {
        String username = newUser("mona");
        HostedBrowser victim = new HostedBrowser();
        URI victimsCallback = victim.signInAtHostedUi(location(victim.get(app("page/x"))), username);

        HostedBrowser attacker = new HostedBrowser();
        String attackersState = query(location(attacker.get(app("page/x")))).get("state");
        HttpResponse<String> stolen = attacker.get(callbackWith(query(victimsCallback).get("code"), attackersState));

        assertRefused(stolen, 400, "INVALID_GRANT");
        assertNotSignedIn(attacker);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        String username = newUser("nils");
        HostedBrowser browser = new HostedBrowser();
        URI callback = browser.signInAtHostedUi(location(browser.get(app("page/x"))), username);
        int eventsBefore = events().size();
        standIn.issueWrongNonceOnce();

        HttpResponse<String> refused = browser.get(callback);

        assertRefused(refused, 401, "INVALID_TOKEN");
        assertNotSignedIn(browser);
        assertThat(eventsSince(eventsBefore)).containsExactly("SignInWithRedirectFailed INVALID_TOKEN customState=null"
                + " reason=the id token's nonce is not the one of this sign-in");
    }

    @Test
    void anErrorOfTheIdentityProviderEndsTypedWithTheCustomState() {
        HostedBrowser browser = new HostedBrowser();
        String state = query(location(browser.get(app("start?customState=from-error")))).get("state");
        int eventsBefore = events().size();

        HttpResponse<String> denied = browser.get(URI.create(callbackUri + "?error=access_denied"
                + "&error_description=" + encode("User <script> denied") + "&state=" + encode(state)));

        assertRefused(denied, 401, "ACCESS_DENIED");
        assertThat(denied.body()).doesNotContain("script");
        assertNotSignedIn(browser);
        assertThat(eventsSince(eventsBefore)).containsExactly("SignInWithRedirectFailed ACCESS_DENIED "
                + "customState=from-error reason=the hosted UI answered error=access_denied");
    }

    @Test
    void withAnErrorPageFailuresEndThereWithTheirTypedError() {
        URI errorApp = URI.create(payara.url(APP_WITH_ERROR_PAGE).toString());
        HostedBrowser browser = new HostedBrowser();
        String state = query(location(browser.get(errorApp.resolve("page/x")))).get("state");

        HttpResponse<String> denied = browser.get(URI.create(errorPageAppCallbackUri + "?error=access_denied&state="
                + encode(state)));
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(location(denied)).isEqualTo(errorApp.resolve("failed?error=ACCESS_DENIED"));

        HttpResponse<String> stray = browser.get(URI.create(errorPageAppCallbackUri + "?code=c&state=" + encode(state)));
        assertThat(location(stray)).as("the state was used up").isEqualTo(errorApp.resolve("failed?error=INVALID_STATE"));
    }

    @Test
    void aReturnPathToAnotherHostIsRefused() {
        HostedBrowser browser = new HostedBrowser();
        int eventsBefore = events().size();
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/x", "/\\evil.example/x",
                "evil.example")) {
            HttpResponse<String> refused = browser.get(app("start?returnTo=" + encode(elsewhere)));
            assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
            assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
            assertThat(refused.body()).startsWith("INVALID_PARAMETER");
        }
        assertThat(eventsSince(eventsBefore)).hasSize(4).allMatch(e -> e.equals("SignInWithRedirectFailed "
                + "INVALID_PARAMETER customState=null reason=the return path is not a path of this application"));
    }

    @Test
    void aHostedUiSessionIsRefreshedWhenItsTokensAreDue() {
        String username = newUser("olga");
        HostedBrowser browser = new HostedBrowser();
        browser.signIn(username);
        long firstExp = exp(browser.get(app("page/x")).body());
        int eventsBefore = events().size();

        ServerClock.moveTo(base(), Instant.ofEpochSecond(firstExp).minus(REFRESH_AHEAD).plusSeconds(1));
        HttpResponse<String> page = browser.get(app("page/x"));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).startsWith("page /x of " + username + " user=true");
        assertThat(eventsSince(eventsBefore)).containsExactly("TokenRefreshed " + username);
        assertThat(exp(browser.get(app("page/x")).body())).as("the refreshed token's exp").isGreaterThanOrEqualTo(
                firstExp);
    }

    @Test
    void signingOutEndsTheSessionThenCognitosThroughItsLogout() {
        String username = newUser("pia");
        HostedBrowser browser = new HostedBrowser();
        browser.signIn(username);
        int logoutsBefore = standIn.logouts().size();

        HttpResponse<String> signOut = browser.get(app("sign-out"));

        assertThat(signOut.statusCode()).isEqualTo(302);
        URI logout = location(signOut);
        assertThat(logout.toString()).startsWith(standIn.baseUri() + "/logout?");
        assertThat(query(logout)).containsExactly(Map.entry("client_id", client.clientId()),
                Map.entry("logout_uri", signedOutUri.toString()));
        HttpResponse<String> atCognito = browser.get(logout);
        assertThat(atCognito.statusCode()).as(atCognito.body()).isEqualTo(302);
        assertThat(location(atCognito)).isEqualTo(signedOutUri);
        assertThat(standIn.logouts()).hasSize(logoutsBefore + 1);
        assertThat(browser.get(signedOutUri).body()).isEqualTo("signed out; session=false");
        assertNotSignedIn(browser);
    }

    // ---- helpers

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("Sign-in failed (" + error + ").");
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    /** The browser is not signed in: a protected page sends it to the hosted UI again. */
    private static void assertNotSignedIn(HostedBrowser browser) {
        HttpResponse<String> page = browser.get(app("page/x"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(location(page).toString()).startsWith(standIn.baseUri() + "/oauth2/authorize?");
    }

    private static URI callbackWith(String code, String state) {
        return URI.create(callbackUri + "?code=" + encode(code) + "&state=" + encode(state));
    }

    private static long exp(String page) {
        Matcher exp = Pattern.compile("exp=(\\d+)").matcher(page);
        assertThat(exp.find()).as(page).isTrue();
        return Long.parseLong(exp.group(1));
    }

    private static List<String> events() {
        String body = new HostedBrowser().get(app("events")).body();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static List<String> eventsSince(int count) {
        return events().stream().skip(count).filter(e -> !e.startsWith("async ")).toList();
    }

    private static void awaitEvent(String line) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (!events().contains(line)) {
            assertThat(Instant.now()).as("waiting for " + line).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location; " + response.statusCode() + " " + response.body()));
        return response.uri().resolve(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser with its own cookies that follows no redirect, so that each step can be checked. */
    private static final class HostedBrowser {

        private static final Pattern HIDDEN = Pattern.compile(
                "<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\" />");

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(URI uri) {
            return get(uri, "text/html,*/*;q=0.8");
        }

        HttpResponse<String> get(URI uri, String accept) {
            return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts the emulator's sign-in form for {@code authorize}; returns the callback URL it redirects to. */
        URI signInAtHostedUi(URI authorize, String username) {
            HttpResponse<String> form = get(authorize);
            assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.body());
            while (hidden.find()) {
                fields.put(hidden.group(1), hidden.group(2));
            }
            assertThat(fields).containsKeys("client_id", "redirect_uri", "code_challenge", "state");
            fields.put("username", username);
            fields.put("password", CognitoFixture.PASSWORD);
            HttpResponse<String> posted = post(authorize.resolve("/oauth2/authorize"), fields);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
            URI callback = location(posted);
            assertThat(callback.toString()).startsWith(callbackUri + "?");
            Map<String, String> query = query(callback);
            synchronized (secrets) {
                secrets.add(query.get("code"));
                secrets.add(query.get("state"));
            }
            return callback;
        }

        /** The whole flow, from a protected page to being signed in. */
        void signIn(String username) {
            HttpResponse<String> back = get(signInAtHostedUi(location(get(app("page/x"))), username));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            assertThat(get(app("page/x")).statusCode()).isEqualTo(200);
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
