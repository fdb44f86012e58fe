package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.AuthTokens;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.JsonString;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The module's default token provider: whose tokens it gives, and when it refreshes them. */
class CognitoTokenProviderTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final TokenRefresher refresher = new TokenRefresher();
    private JsonWebToken caller; // the request's verified caller, or null
    private CognitoTokenProvider provider;

    @BeforeEach
    void wire() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id",
                "4f1client", "cognito.refresh-ahead", "120");
        refresher.config = config;
        refresher.userPool = UserPoolClient.forPool(config, http);
        refresher.events = new RecordingEvents();
        refresher.revocations = TokenRevocations.off();
        refresher.clock = Clock.systemUTC(); // the tokens' expiries are set from the system's now
        refresher.sealer = Sealers.TEST;
        refresher.unreadable = SessionBeans.unreadableSessions(Sealers.TEST, new RecordingEvents(),
                TokenRevocations.off(), refresher.clock);
        refresher.shared = new SharedState(null); // per node
        SecurityContext securityContext = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> (Principal) caller;
                    case "getPrincipalsByType" -> caller == null ? Set.of() : Set.of(caller);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        provider = new CognitoTokenProvider(request, securityContext, refresher);
    }

    private SessionTokens signIn(String sub, Instant expiresAt) {
        Instant issued = expiresAt.minusSeconds(3600);
        SessionTokens tokens = new SessionTokens("alice", POOL.access(issued, c -> c.put("sub", sub)),
                POOL.sign(withSub(TokenMinter.idClaims(issued), sub)), Sealers.refreshToken("refresh-0"), expiresAt);
        SessionStore.signIn(request, tokens);
        return tokens;
    }

    private static Map<String, Object> withSub(Map<String, Object> claims, String sub) {
        Map<String, Object> changed = new HashMap<>(claims);
        changed.put("sub", sub);
        return changed;
    }

    /** The request authenticated with {@code raw}, verified (as the mechanism hands it out). */
    private void authenticatedWith(String raw) {
        Map<String, Object> claims = new HashMap<>();
        Jwt.decode(raw).forEach((name, value) -> claims.put(name,
                value instanceof JsonString text ? text.getString() : value.toString()));
        caller = (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRawToken" -> raw;
                    case "getName", "getSubject" -> claims.get("sub");
                    case "getIssuer" -> claims.get("iss");
                    case "getClaim" -> claims.get((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void nobodySignedInHasNoTokens() {
        assertThat(provider.getTokens(false)).isEmpty();
        assertThat(provider.getTokens(true)).isEmpty();
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void aSignedInSessionGivesItsTokensDecodedWithoutCallingCognito() {
        SessionTokens tokens = signIn("sub-ann", Instant.now().plusSeconds(600));
        authenticatedWith(tokens.accessToken()); // a browser request of the session

        AuthTokens given = provider.getTokens(false).orElseThrow();

        assertThat(given.accessToken().compact()).isEqualTo(tokens.accessToken());
        assertThat(given.idToken().compact()).isEqualTo(tokens.idToken());
        assertThat(given.idToken().subject()).isEqualTo("sub-ann");
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void theSessionsTokensAreDecodedOnceUntilARefreshReplacesThem() {
        signIn("sub-ann", Instant.now().plusSeconds(3000));
        AuthTokens first = provider.getTokens(false).orElseThrow();

        assertThat(provider.getTokens(false).orElseThrow()).isSameAs(first);

        answerRefresh("sub-ann");
        AuthTokens refreshed = provider.getTokens(true).orElseThrow();
        assertThat(refreshed).isNotSameAs(first);
        assertThat(provider.getTokens(false).orElseThrow()).isSameAs(refreshed);
    }

    @Test
    void tokensDueAreRefreshedFirst() {
        signIn("sub-ann", Instant.now().plusSeconds(60)); // within cognito.refresh-ahead
        String freshAccess = answerRefresh("sub-ann");

        AuthTokens given = provider.getTokens(false).orElseThrow();

        assertThat(given.accessToken().compact()).isEqualTo(freshAccess);
        assertThat(SessionStore.tokens(request).accessToken()).isEqualTo(freshAccess);
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void forceRefreshRefreshesTokensFarFromExpiry() {
        SessionTokens tokens = signIn("sub-ann", Instant.now().plusSeconds(3000));
        String freshAccess = answerRefresh("sub-ann");

        AuthTokens given = provider.getTokens(true).orElseThrow();

        assertThat(given.accessToken().compact()).isEqualTo(freshAccess).isNotEqualTo(tokens.accessToken());
        assertThat(http.last().body()).contains("REFRESH_TOKEN_AUTH").contains("refresh-0");
        assertThat(provider.getTokens(false).orElseThrow().accessToken().compact()).isEqualTo(freshAccess);
        assertThat(http.sent()).hasSize(1);
    }

    @Test
    void aBearerCallersTokenIsGivenAsSentAndNeverRefreshed() {
        String bearerAccess = POOL.access(Instant.now(), c -> c.put("sub", "sub-bob"));
        authenticatedWith(bearerAccess);
        browser.header("Authorization", "Bearer " + bearerAccess);

        AuthTokens given = provider.getTokens(true).orElseThrow();

        assertThat(given.accessToken().compact()).isEqualTo(bearerAccess);
        assertThat(given.idToken()).isNull();
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void aBearerIdTokenIsGivenAsTheIdToken() {
        String bearerId = POOL.sign(withSub(TokenMinter.idClaims(Instant.now()), "sub-bob"));
        authenticatedWith(bearerId);
        browser.header("Authorization", "Bearer " + bearerId);

        AuthTokens given = provider.getTokens(false).orElseThrow();

        assertThat(given.accessToken()).isNull();
        assertThat(given.idToken().compact()).isEqualTo(bearerId);
    }

    @Test
    void theBearerBeatsAnotherUsersSessionCookie() {
        signIn("sub-ann", Instant.now().plusSeconds(60)); // due: it must not even be refreshed for bob
        String bobs = POOL.access(Instant.now(), c -> c.put("sub", "sub-bob"));
        authenticatedWith(bobs);
        browser.header("Authorization", "Bearer " + bobs);

        Optional<AuthTokens> given = provider.getTokens(true);

        assertThat(given).get().extracting(t -> t.accessToken().subject()).isEqualTo("sub-bob");
        assertThat(http.sent()).isEmpty();
    }

    /** Cognito's answer to the next refresh: new tokens of {@code sub}; returns the new access token. */
    private String answerRefresh(String sub) {
        Instant now = Instant.now();
        String access = POOL.access(now, c -> {
            c.put("sub", sub);
            c.put("jti", "refreshed");
        });
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + access + "\",\"IdToken\":\""
                + POOL.sign(withSub(TokenMinter.idClaims(now), sub)) + "\"},\"ChallengeParameters\":{}}");
        return access;
    }
}
