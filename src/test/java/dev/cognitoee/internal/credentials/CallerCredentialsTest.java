package dev.cognitoee.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.session.CognitoTokenProvider;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whose credentials a request gets, how they are cached and fetched, and how a session's are forgotten. */
class CallerCredentialsTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    private static final String PROVIDER_NAME = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    private static final String TOKENS_ATTRIBUTE = "dev.cognitoee.session.tokens"; // SessionStore.TOKENS
    private static final String ANN = "0a0a0a0a-0000-4000-8000-00000000a001";
    private static final String BEN = "0b0b0b0b-0000-4000-8000-00000000b002";
    private static final Duration WAIT = Duration.ofSeconds(20); // the test's own bound, never reached when green

    /** The sessions' tokens here never come due; refreshing is TokenRefresherTest's and CognitoTokenProviderTest's. */
    private static final TokenRefresher UNDUE_REFRESHES = new TokenRefresher() {
        @Override
        public SessionTokens current(HttpSession session, SessionTokens tokens) {
            return tokens;
        }
    };

    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeRequests requests = new FakeRequests();
    private final RecordingProvider provider = new RecordingProvider();
    private final CallerCredentials credentials = new CallerCredentials(clock);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void wire() {
        configure(Map.of());
        credentials.provider = provider;
        credentials.request = requests.request();
        credentials.securityContext = requests.securityContext();
        credentials.tokens = new CognitoTokenProvider(credentials.request, credentials.securityContext,
                UNDUE_REFRESHES);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private void configure(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("cognito.user-pool-id", "eu-west-1_TestPool1",
                "cognito.client-id", TokenMinter.CLIENT_ID, "cognito.identity-pool-id",
                "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.connect-timeout", "100", "cognito.read-timeout", "100"));
        settings.putAll(extra);
        credentials.config = Configs.of(settings);
    }

    // ---- tokens, sessions, callers

    private static String idToken(String sub, String username) {
        return token(TokenMinter.idClaims(Instant.now()), claims -> {
            claims.put("sub", sub);
            claims.put("cognito:username", username);
        });
    }

    private static String accessToken(String sub, String username) {
        return token(TokenMinter.accessClaims(Instant.now()), claims -> {
            claims.put("sub", sub);
            claims.put("username", username);
            claims.put("jti", UUID.randomUUID().toString()); // each sign-in's token is its own
        });
    }

    private static String token(Map<String, Object> claims, Consumer<Map<String, Object>> change) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        change.accept(changed);
        changed.values().removeIf(value -> value == null);
        return POOL.sign(changed);
    }

    /** The verified caller of a request that came with {@code raw} (as the mechanism hands it out). */
    private static TestJwt caller(String raw) {
        Map<String, Object> claims = new HashMap<>();
        Jwt.decode(raw).forEach((name, value) -> claims.put(name,
                value instanceof JsonString text ? text.getString() : value.toString()));
        return new TestJwt(raw, claims);
    }

    private static FakeRequests.Session signedIn(String sub, String username) {
        FakeRequests.Session session = new FakeRequests.Session();
        session.attributes.put(TOKENS_ATTRIBUTE, new SessionTokens(username, accessToken(sub, username),
                idToken(sub, username), Sealers.refreshToken("refresh"), Instant.now().plusSeconds(3600)));
        return session;
    }

    private static SessionTokens tokens(FakeRequests.Session session) {
        return (SessionTokens) session.attributes.get(TOKENS_ATTRIBUTE);
    }

    /** A browser request of the session's user: no bearer token, the caller authenticated from the session. */
    private void browse(FakeRequests.Session session) {
        requests.enter(session, null, caller(tokens(session).accessToken()));
    }

    private void bearer(FakeRequests.Session session, String token) {
        requests.enter(session, "Bearer " + token, caller(token));
    }

    private CredentialsAndIdentityId currentIn(FakeRequests.Session session) {
        browse(session);
        try {
            return credentials.current();
        } finally {
            requests.leave();
        }
    }

    private CompletableFuture<CredentialsAndIdentityId> currentInThread(FakeRequests.Session session) {
        return CompletableFuture.supplyAsync(() -> currentIn(session), threads);
    }

    private static <T> T within(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Waits until {@code count} requests wait on the one fetch in flight (a thread blocked in its future's
     * {@code get} is one of its dependents), so that none of them can arrive after it ended and fetch again.
     */
    private void awaitWaitersOnTheFetchInFlight(int count) throws Exception {
        java.lang.reflect.Field cacheField = CallerCredentials.class.getDeclaredField("cache");
        cacheField.setAccessible(true);
        java.lang.reflect.Field inFlightField = CredentialsCache.class.getDeclaredField("inFlight");
        inFlightField.setAccessible(true);
        java.util.Map<?, ?> inFlight = (java.util.Map<?, ?>) inFlightField.get(cacheField.get(credentials));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.values().stream().anyMatch(f -> ((CompletableFuture<?>) f).getNumberOfDependents() >= count)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(count + " requests never waited on the fetch in flight");
    }

    private void awaitStarted() throws InterruptedException {
        assertThat(provider.started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the provider was called").isTrue();
    }

    // ---- defect 6: keyed on sub + issuer

    @Test
    void aUserRecreatedUnderTheSameNameGetsNoneOfTheOldUsersCredentials() {
        CredentialsAndIdentityId old = currentIn(signedIn(ANN, "carol"));
        CredentialsAndIdentityId recreated = currentIn(signedIn(BEN, "carol"));

        assertThat(provider.calls()).isEqualTo(2);
        assertThat(recreated.credentials().accessKeyId()).isNotEqualTo(old.credentials().accessKeyId());
        assertThat(provider.asked).extracting(CredentialsRequest::cacheKey)
                .containsExactly(CacheKeys.user(TokenMinter.ISSUER, ANN), CacheKeys.user(TokenMinter.ISSUER, BEN))
                .noneMatch(key -> key.contains("carol"));
    }

    @Test
    void theSameUserInTwoSessionsSharesOneFetch() {
        CredentialsAndIdentityId first = currentIn(signedIn(ANN, "ann"));
        CredentialsAndIdentityId second = currentIn(signedIn(ANN, "ann"));

        assertThat(second).isSameAs(first);
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutSubIsRefusedInsteadOfSharingANullKey() {
        for (int i = 0; i < 2; i++) {
            String noSub = token(TokenMinter.idClaims(Instant.now()), claims -> {
                claims.remove("sub");
                claims.remove("cognito:username");
            });
            requests.enter(null, "Bearer " + noSub, caller(noSub));
            assertThatThrownBy(credentials::current)
                    .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                        assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
                        assertThat(e.getMessage()).contains("no sub claim");
                    });
            requests.leave();
        }
        assertThat(provider.calls()).isZero();
    }

    // ---- defect 7: the request's caller wins

    @Test
    void aBearerIdTokenWinsOverTheSessionCookieOfAnotherUser() {
        FakeRequests.Session bens = signedIn(BEN, "ben");
        bens.attributes.put(FederatedLogins.ATTRIBUTE, new HashMap<>(Map.of("graph.facebook.com", "ben-fb")));
        currentIn(bens); // Ben's credentials are cached
        String annsIdToken = idToken(ANN, "ann");

        bearer(bens, annsIdToken);
        CredentialsAndIdentityId anns = credentials.current();

        CredentialsRequest asked = provider.asked.get(1);
        assertThat(asked.cacheKey()).isEqualTo(CacheKeys.user(TokenMinter.ISSUER, ANN));
        assertThat(asked.logins()).containsExactly(Map.entry(PROVIDER_NAME, annsIdToken)); // no Ben login at all
        assertThat(anns.identityId()).isEqualTo("id:" + CacheKeys.user(TokenMinter.ISSUER, ANN));
    }

    @Test
    void aBearerAccessTokenWithAnotherUsersSessionGetsAClearErrorNeverTheirCredentials() {
        FakeRequests.Session bens = signedIn(BEN, "ben");
        currentIn(bens);

        bearer(bens, accessToken(ANN, "ann"));

        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED);
            assertThat(e.getMessage()).contains("need the caller's id token").contains("cognito.token-use=id");
        });
        assertThat(provider.calls()).isEqualTo(1); // Ben's own fetch only
    }

    @Test
    void aBearerAccessTokenOfTheSessionsUserThatIsNotTheSessionsTokenIsRefusedToo() {
        FakeRequests.Session anns = signedIn(ANN, "ann");

        bearer(anns, accessToken(ANN, "ann")); // same user, another sign-in's token: the bearer stays stateless

        assertThatThrownBy(credentials::current).isInstanceOf(CognitoAuthException.class);
        assertThat(provider.calls()).isZero();
    }

    @Test
    void theSessionsOwnCallerExchangesTheSessionsIdTokenWithItsFederatedLogins() {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        anns.attributes.put(FederatedLogins.ATTRIBUTE, new HashMap<>(Map.of("graph.facebook.com", "ann-fb")));

        currentIn(anns);
        bearer(anns, tokens(anns).accessToken()); // the session's own access token as a bearer: still the session
        credentials.current();

        assertThat(provider.calls()).isEqualTo(1);
        assertThat(provider.asked.get(0).logins()).containsOnly(
                Map.entry(PROVIDER_NAME, tokens(anns).idToken()), Map.entry("graph.facebook.com", "ann-fb"));
    }

    // ---- defect 11: what a provider returns

    @Test
    void credentialsWithoutAnExpirationGetAClearErrorNotAnNpe() {
        provider.answer(request -> provider.credentials(request, null));

        assertThatThrownBy(() -> currentIn(signedIn(ANN, "ann")))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.UNEXPECTED);
                    assertThat(e.getMessage()).contains("without an expiration").contains("RecordingProvider");
                });
    }

    @Test
    void credentialsAlreadyExpiredAreRefused() {
        provider.answer(request -> provider.credentials(request, clock.instant().minusSeconds(1)));

        assertThatThrownBy(() -> currentIn(signedIn(ANN, "ann")))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.getMessage()).contains("expired at"));
    }

    @Test
    void aFarFutureExpirationIsReusedForAnHourAtMostWithoutOverflow() {
        provider.answer(request -> provider.credentials(request, Instant.MAX));
        FakeRequests.Session anns = signedIn(ANN, "ann");

        CredentialsAndIdentityId first = currentIn(anns);
        clock.advance(Duration.ofMinutes(59));
        assertThat(currentIn(anns)).isSameAs(first);
        clock.advance(Duration.ofMinutes(2));
        assertThat(currentIn(anns)).isNotSameAs(first);
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void credentialsAreReusedUntilShortlyBeforeTheirOwnExpiration() {
        provider.answer(request -> provider.credentials(request, clock.instant().plus(Duration.ofMinutes(40))));
        FakeRequests.Session anns = signedIn(ANN, "ann");

        CredentialsAndIdentityId first = currentIn(anns);
        clock.advance(Duration.ofMinutes(34));
        assertThat(currentIn(anns)).isSameAs(first);
        clock.advance(Duration.ofMinutes(2)); // 4 minutes left: inside the 5-minute margin
        assertThat(currentIn(anns)).isNotSameAs(first);
    }

    // ---- defect 11: single flight, outside any lock, bounded

    @Test
    void concurrentRequestsOfOneCallerShareOneCall() throws Exception {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        provider.holdCalls();
        List<CompletableFuture<CredentialsAndIdentityId>> all = new ArrayList<>();
        all.add(currentInThread(anns));
        awaitStarted();
        for (int i = 0; i < 7; i++) {
            all.add(currentInThread(anns));
        }
        provider.release();

        CredentialsAndIdentityId first = within(all.get(0));
        for (CompletableFuture<CredentialsAndIdentityId> each : all) {
            assertThat(within(each)).isSameAs(first);
        }
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void aSlowFetchBlocksNeitherForgettingItNorOtherCallers() throws Exception {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        FakeRequests.Session bens = signedIn(BEN, "ben");
        provider.holdCalls(request -> request.cacheKey().contains(ANN));
        CompletableFuture<CredentialsAndIdentityId> annsFetch = currentInThread(anns);
        awaitStarted();

        within(CompletableFuture.runAsync(() -> credentials.forgetSession(anns.proxy()), threads));
        assertThat(within(currentInThread(bens)).identityId()).contains(BEN);
        assertThat(annsFetch).isNotDone();

        provider.release();
        assertThat(within(annsFetch).identityId()).contains(ANN);
    }

    @Test
    void aWaiterGivesUpAtTheBoundWithServiceUnavailable() throws Exception {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        provider.holdCalls();
        CompletableFuture<CredentialsAndIdentityId> owner = currentInThread(anns);
        awaitStarted();

        // Timeouts of 100 ms: 2 calls of (2 attempts of (100 + 100) ms + 500 ms), plus 1 s of slack = 2.8 s.
        assertThat(FetchBounds.waitForFetch(credentials.config)).isEqualTo(Duration.ofMillis(2800));
        assertThatThrownBy(() -> within(currentInThread(anns)))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("still being fetched");
                });

        provider.release();
        within(owner);
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void aProviderFailureCompletesTheSharedFetchForEveryWaiter() throws Exception {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        provider.answer(request -> {
            throw new IllegalStateException("a bug in the provider");
        });
        provider.holdCalls();
        List<CompletableFuture<CredentialsAndIdentityId>> all = new ArrayList<>();
        all.add(currentInThread(anns));
        awaitStarted();
        for (int i = 0; i < 3; i++) {
            all.add(currentInThread(anns));
        }
        awaitWaitersOnTheFetchInFlight(3);
        provider.release();

        for (CompletableFuture<CredentialsAndIdentityId> each : all) {
            assertThatThrownBy(() -> within(each)).isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                assertThat(e.error()).isEqualTo(AuthError.UNEXPECTED);
                assertThat(e.getMessage()).doesNotContain("a bug in the provider");
            });
        }
        assertThat(credentials).extracting("cache").extracting("inFlight").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).isEmpty();
        provider.answer(request -> provider.credentials(request, Instant.now().plusSeconds(3600)));
        assertThat(currentIn(anns).identityId()).contains(ANN);
        assertThat(provider.calls()).isEqualTo(2);
    }

    // ---- defect 10: forgetSession

    @Test
    void forgetSessionForgetsTheSignedInUserWithoutARequestAndTellsTheProvider() {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        currentIn(anns);

        credentials.forgetSession(anns.proxy()); // no request on this thread, as in sessionDestroyed

        assertThat(provider.cleared).contains(CacheKeys.user(TokenMinter.ISSUER, ANN));
        currentIn(anns);
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void forgetSessionWorksOnAnInvalidatedSession() {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        currentIn(anns);
        anns.invalidate();

        credentials.forgetSession(anns.proxy());

        assertThat(provider.cleared).contains(CacheKeys.user(TokenMinter.ISSUER, ANN));
        currentIn(signedIn(ANN, "ann"));
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void forgetSessionForgetsFederatedLoginsAndGuests() {
        configure(Map.of("cognito.allow-guest-access", "true"));
        FakeRequests.Session carls = new FakeRequests.Session();
        carls.attributes.put(FederatedLogins.ATTRIBUTE, new HashMap<>(Map.of("graph.facebook.com", "carl-fb")));
        FakeRequests.Session guests = new FakeRequests.Session();
        for (FakeRequests.Session session : List.of(carls, guests)) {
            requests.enter(session, null, null);
            credentials.current();
            requests.leave();
        }
        assertThat(guests.attributes).containsKey(GuestIdentity.ATTRIBUTE);

        credentials.forgetSession(carls.proxy());
        credentials.forgetSession(guests.proxy());

        assertThat(provider.cleared).contains(CacheKeys.federated(Map.of("graph.facebook.com", "carl-fb")),
                CacheKeys.guest(guests.id));
        for (FakeRequests.Session session : List.of(carls, guests)) {
            requests.enter(session, null, null);
            credentials.current();
            requests.leave();
        }
        assertThat(provider.calls()).isEqualTo(4);
    }

    @Test
    void aSessionForgottenWhileItsFetchRunsIsNotCachedByThatFetch() throws Exception {
        FakeRequests.Session anns = signedIn(ANN, "ann");
        provider.holdCalls();
        CompletableFuture<CredentialsAndIdentityId> fetch = currentInThread(anns);
        awaitStarted();

        credentials.forgetSession(anns.proxy());
        provider.release();
        CredentialsAndIdentityId before = within(fetch);

        assertThat(currentIn(anns)).isNotSameAs(before);
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void nobodyAndNoGuestsIsNotSignedIn() {
        requests.enter(null, null, null);
        assertThatThrownBy(credentials::current).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.NOT_SIGNED_IN));
        assertThat(provider.calls()).isZero();
    }
}
