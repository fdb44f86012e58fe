package dev.cognitoee.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.AuthTokens;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.JWT;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity pool's {@code Logins} from an application's own {@code TokenProvider}: the id token goes under its
 * issuer's name (the module's own pool keeps Cognito's name), and the credentials are kept per {@code sub} and issuer.
 */
class ApplicationTokenProviderTest {

    private static final TokenMinter OIDC = new TokenMinter("oidc-kid");
    private static final String OWN_POOL_KEY = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    private static final String EMULATOR_ISSUER = "http://localhost:9229/eu-west-1_TestPool1";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeRequests requests = new FakeRequests();
    private final RecordingProvider provider = new RecordingProvider();
    private final CallerCredentials credentials = new CallerCredentials(clock);
    private final List<Boolean> forceRefreshAsked = new CopyOnWriteArrayList<>();
    private volatile Optional<AuthTokens> given = Optional.empty();

    @BeforeEach
    void wire() {
        credentials.config = Configs.of(Map.of("cognito.user-pool-id", "eu-west-1_TestPool1",
                "cognito.client-id", TokenMinter.CLIENT_ID, "cognito.identity-pool-id",
                "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001", "cognito.issuer", EMULATOR_ISSUER));
        credentials.provider = provider;
        credentials.request = requests.request();
        credentials.securityContext = requests.securityContext();
        credentials.tokens = forceRefresh -> {
            forceRefreshAsked.add(forceRefresh);
            return given;
        };
        requests.enter(null, null, null); // no Cognito caller, no session: the application signed the user in
    }

    @AfterEach
    void leave() {
        requests.leave();
    }

    private static JWT idToken(String issuer, String sub) {
        Map<String, Object> claims = new HashMap<>(TokenMinter.idClaims(Instant.now()));
        claims.put("iss", issuer);
        claims.put("sub", sub);
        claims.values().removeIf(value -> value == null);
        return JWT.decodeJWT(OIDC.sign(claims));
    }

    private static JWT accessToken(String issuer, String sub) {
        return JWT.decodeJWT(OIDC.access(Instant.now(), claims -> {
            claims.put("iss", issuer);
            claims.put("sub", sub);
        }));
    }

    @Test
    void anOidcIdTokenGoesUnderItsIssuerWithoutTheScheme() {
        JWT id = idToken("https://login.example.test/tenant-a", "oidc-ann");
        given = Optional.of(new AuthTokens(accessToken("https://login.example.test/tenant-a", "oidc-ann"), id));

        credentials.current();

        CredentialsRequest asked = provider.asked.get(0);
        assertThat(asked.logins()).containsExactly(Map.entry("login.example.test/tenant-a", id.compact()));
        assertThat(asked.cacheKey()).isEqualTo(CacheKeys.user("https://login.example.test/tenant-a", "oidc-ann"));
        assertThat(asked.authenticated()).isTrue();
    }

    @Test
    void anIssuerWithoutPathGoesUnderItsHost() {
        JWT id = idToken("https://accounts.example.test", "oidc-ann");
        given = Optional.of(new AuthTokens(null, id));

        credentials.current();

        assertThat(provider.asked.get(0).logins()).containsOnlyKeys("accounts.example.test");
    }

    @Test
    void theModulesOwnPoolKeepsCognitosNameWhateverItsIssuer() {
        JWT id = idToken(EMULATOR_ISSUER, "pool-ann");
        given = Optional.of(new AuthTokens(null, id));

        credentials.current();

        assertThat(provider.asked.get(0).logins()).containsExactly(Map.entry(OWN_POOL_KEY, id.compact()));
    }

    @Test
    void twoIssuersWithTheSameSubAreTwoCallers() {
        given = Optional.of(new AuthTokens(null, idToken("https://a.example.test", "same-sub")));
        credentials.current();
        given = Optional.of(new AuthTokens(null, idToken("https://b.example.test", "same-sub")));
        credentials.current();

        assertThat(provider.asked).extracting(CredentialsRequest::cacheKey).containsExactly(
                CacheKeys.user("https://a.example.test", "same-sub"), CacheKeys.user("https://b.example.test", "same-sub"));
    }

    @Test
    void anIssuerThatIsNotHttpsAndNotTheModulesPoolGetsAClearErrorWithoutAnyCall() {
        given = Optional.of(new AuthTokens(null, idToken("http://login.example.test", "oidc-ann")));

        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
            assertThat(e.getMessage()).contains("https OpenID Connect provider").doesNotContain("login.example.test");
        });
        assertThat(provider.calls()).isZero();
    }

    @Test
    void tokensWithoutAnIdTokenGetAClearErrorWithoutAnyCall() {
        given = Optional.of(new AuthTokens(accessToken("https://login.example.test", "oidc-ann"), null));

        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
            assertThat(e.getMessage()).contains("need the caller's id token");
        });
        assertThat(provider.calls()).isZero();
    }

    @Test
    void anIdTokenWithoutSubIsRefused() {
        given = Optional.of(new AuthTokens(null, idToken("https://login.example.test", null)));

        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.getMessage()).contains("no sub"));
        assertThat(provider.calls()).isZero();
    }

    @Test
    void noTokensAndNoGuestsIsNotSignedIn() {
        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.NOT_SIGNED_IN));
        assertThat(provider.calls()).isZero();
    }

    @Test
    void forcingNewCredentialsDoesNotForceNewTokens() {
        given = Optional.of(new AuthTokens(null, idToken("https://login.example.test", "oidc-ann")));

        credentials.current(true);

        assertThat(provider.asked.get(0).forceRefresh()).isTrue();
        assertThat(forceRefreshAsked).containsOnly(false);
    }
}
