package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.cluster.TestGrids;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh of one session over several nodes (several {@link SharedRefresh} or {@link TokenRefresher} on one
 * in-memory grid): one Cognito call, its tokens handed to the others.
 */
class SharedRefreshTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    private static final CognitoConfig CONFIG = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1client", "cognito.refresh-ahead", "120");

    private final Grid grid = TestGrids.inMemory();
    private final Clock clock = Clock.systemUTC(); // the tokens' expiries are set from the system's now
    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final SessionTokens old = new SessionTokens("alice", "access-0", "id-0",
            Sealers.refreshToken("refresh-0"),
            Instant.now().plusSeconds(30));

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Token expiries are whole seconds (the JWT's {@code exp}). */
    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    }

    private SharedRefresh node() {
        return new SharedRefresh(new SharedState(grid), Sealers.TEST, CONFIG, clock);
    }

    @Test
    void concurrentRefreshesOfOneSessionOnThreeNodesCallCognitoOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        SessionTokens fresh = old.refreshed("access-1", "id-1", Sealers.refreshToken("refresh-1"), inAnHour());
        List<Future<SharedRefresh.Result>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SharedRefresh node = node();
            results.add(threads.submit(() -> node.refresh("session-1", old, () -> {
                calls.incrementAndGet();
                await(release);
                return fresh;
            })));
        }
        Thread.sleep(200); // lets every node reach the grid; the outcome must not depend on it
        release.countDown();

        List<SharedRefresh.Result> all = new ArrayList<>();
        for (Future<SharedRefresh.Result> result : results) {
            all.add(result.get(10, TimeUnit.SECONDS));
        }
        assertThat(calls).hasValue(1);
        assertThat(all).extracting(SharedRefresh.Result::tokens).containsOnly(fresh);
        assertThat(all).filteredOn(SharedRefresh.Result::computedHere).hasSize(1);
    }

    @Test
    void aLaterStaleCopyOfTheSessionGetsTheHandedOffTokensInsteadOfRefreshingAgain() {
        SessionTokens fresh = old.refreshed("access-1", "id-1", Sealers.refreshToken("refresh-1"), inAnHour());
        node().refresh("session-1", old, () -> fresh);

        SharedRefresh.Result later = node().refresh("session-1", old, () -> {
            throw new AssertionError("a second refresh with a rotated refresh token would sign the user out");
        });

        assertThat(later).isEqualTo(new SharedRefresh.Result(fresh, false));
    }

    @Test
    void anotherSessionOrAnotherAccessTokenIsAnotherRefresh() {
        SessionTokens fresh = old.refreshed("access-1", "id-1", Sealers.refreshToken("refresh-1"), inAnHour());
        node().refresh("session-1", old, () -> fresh);
        SessionTokens next = fresh.refreshed("access-2", "id-2", null, inAnHour());

        assertThat(node().refresh("session-2", old, () -> next).computedHere()).isTrue();
        assertThat(node().refresh("session-1", fresh, () -> next).computedHere()).isTrue();
    }

    @Test
    void aRefusalIsNotHandedOnAndLetsTheNextNodeAsk() {
        CognitoAuthException refused = new CognitoAuthException(AuthError.NOT_AUTHORIZED, "revoked");
        assertThatThrownBy(() -> node().refresh("session-1", old, () -> {
            throw refused;
        })).isSameAs(refused);

        SessionTokens fresh = old.refreshed("access-1", "id-1", null, inAnHour());
        assertThat(node().refresh("session-1", old, () -> fresh)).isEqualTo(new SharedRefresh.Result(fresh, true));
    }

    @Test
    void aFailedGridIsServiceUnavailableAndNeverARefreshWithoutTheLease() {
        TestGrids.Breakable broken = TestGrids.breakable();
        SharedRefresh node = new SharedRefresh(new SharedState(broken), Sealers.TEST, CONFIG, clock);
        broken.breakDown();

        assertThatThrownBy(() -> node.refresh("session-1", old, () -> {
            throw new AssertionError("must not call Cognito unguarded");
        })).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));
    }

    @Test
    void waitersAreBoundedByTheLeaseThenOneMoreCall() {
        SharedRefresh node = node();

        assertThat(node.waitBound()).isEqualTo(CONFIG.callTimeout().plus(SharedRefresh.SLACK)
                .plus(CONFIG.callTimeout()).plus(SharedRefresh.SLACK));
    }

    /** A node's {@link TokenRefresher}, on the shared grid, calling Cognito through {@code http}. */
    private TokenRefresher refresherOnTheGrid(RecordingHttpClient http, RecordingEvents events) {
        TokenRefresher refresher = new TokenRefresher();
        refresher.config = CONFIG;
        refresher.userPool = UserPoolClient.forPool(CONFIG, http);
        refresher.events = events;
        refresher.revocations = TokenRevocations.off();
        refresher.clock = clock;
        refresher.shared = new SharedState(grid);
        refresher.sealer = Sealers.TEST;
        refresher.unreadable = SessionBeans.unreadableSessions(Sealers.TEST, events, TokenRevocations.off(), clock);
        return refresher;
    }

    @Test
    void aTokenRefresherOnAClusterStoresAnotherNodesRefreshWithoutCallingCognitoOrFiringAnEvent() {
        RecordingHttpClient http = new RecordingHttpClient();
        RecordingEvents events = new RecordingEvents();
        TokenRefresher refresher = refresherOnTheGrid(http, events);
        FakeHttp browser = new FakeHttp();
        HttpServletRequest request = browser.request();
        SessionStore.signIn(request, old);
        String sessionId = request.getSession(false).getId();
        Instant now = Instant.now();
        SessionTokens fresh = old.refreshed(POOL.access(now), POOL.sign(TokenMinter.idClaims(now)),
                Sealers.refreshToken("refresh-1"), inAnHour());
        node().refresh(sessionId, old, () -> fresh); // another node refreshed this session

        SessionTokens current = refresher.current(request.getSession(false), old);

        assertThat(current).isEqualTo(fresh);
        assertThat(SessionStore.tokens(request)).isEqualTo(fresh);
        assertThat(http.sent()).as("no call to Cognito").isEmpty();
        assertThat(events.fired()).as("the refreshing node fired TokenRefreshed").isEmpty();
    }

    @Test
    void aTokenRefresherOnAClusterRefreshesOnceAndHandsTheTokensOn() {
        RecordingHttpClient http = new RecordingHttpClient();
        RecordingEvents events = new RecordingEvents();
        TokenRefresher refresher = refresherOnTheGrid(http, events);
        FakeHttp browser = new FakeHttp();
        HttpServletRequest request = browser.request();
        SessionStore.signIn(request, old);
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\",\"RefreshToken\":\"refresh-1\"},"
                + "\"ChallengeParameters\":{}}");

        SessionTokens fresh = refresher.current(request.getSession(false), old);

        assertThat(http.sent()).hasSize(1);
        assertThat(events.fired()).singleElement().isInstanceOf(TokenRefreshed.class);
        SharedRefresh.Result handedOff = node().refresh(request.getSession(false).getId(), old, () -> {
            throw new AssertionError("handed off, not refreshed again");
        });
        assertThat(handedOff.tokens()).isEqualTo(fresh);
        assertThat(Sealers.open(handedOff.tokens().refreshToken())).isEqualTo("refresh-1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
