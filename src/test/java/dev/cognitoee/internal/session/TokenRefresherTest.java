package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.token.InMemoryRevocationList;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a session's tokens are refreshed, and what a refused or failed refresh does to the session. */
class TokenRefresherTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final RecordingEvents recorder = new RecordingEvents();
    private final List<Object> events = recorder.fired();
    private final TokenRefresher refresher = new TokenRefresher();

    @BeforeEach
    void wire() throws Exception {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client",
                "cognito.refresh-ahead", "120");
        refresher.config = config;
        refresher.userPool = UserPoolClient.forPool(config, http);
        refresher.events = recorder;
        refresher.revocations = TokenRevocations.off();
        refresher.clock = Clock.systemUTC(); // the tokens' expiries are set from the system's now
        refresher.sealer = Sealers.TEST;
        refresher.unreadable = SessionBeans.unreadableSessions(Sealers.TEST, recorder, TokenRevocations.off(),
                refresher.clock);
        refresher.shared = new SharedState(null); // per node
    }

    private SessionTokens signedIn(Instant expiresAt) {
        SessionTokens tokens = new SessionTokens("alice", "access-0", "id-0", Sealers.refreshToken("refresh-0"),
                expiresAt);
        SessionStore.signIn(request, tokens);
        return tokens;
    }

    @Test
    void tokensFarFromExpiryAreServedWithoutCallingCognito() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(600));
        assertThat(refresher.current(request.getSession(false), tokens)).isSameAs(tokens);
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void tokensDueAreRefreshedAndStoredKeepingTheRefreshToken() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(100));
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\"},\"ChallengeParameters\":{}}");

        SessionTokens fresh = refresher.current(request.getSession(false), tokens);

        assertThat(http.last().body()).contains("REFRESH_TOKEN_AUTH").contains("refresh-0");
        assertThat(fresh.expiresAt()).isEqualTo(Instant.ofEpochSecond(now.plusSeconds(3600).getEpochSecond()));
        assertThat(Sealers.open(fresh.refreshToken())).isEqualTo("refresh-0");
        assertThat(SessionStore.tokens(request)).isEqualTo(fresh);
        assertThat(events).singleElement().isInstanceOfSatisfying(TokenRefreshed.class,
                e -> assertThat(e.pool()).isEqualTo("default"));
    }

    @Test
    void aRefreshSealsTheKeptRefreshTokenWithTheNewKeyOfARotation() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(100));
        refresher.sealer = Sealers.rotatingTo("k-new");
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\"},\"ChallengeParameters\":{}}");

        SessionTokens fresh = refresher.current(request.getSession(false), tokens);

        assertThat(http.last().body()).contains("refresh-0");
        assertThat(fresh.refreshToken().keyId()).isEqualTo("k-new");
        assertThat(SessionStore.tokens(request).refreshToken().keyId()).isEqualTo("k-new");
    }

    @Test
    void aRotatedRefreshTokenFromCognitoIsSealedInPlaceOfTheOldOne() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(100));
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\",\"RefreshToken\":\"refresh-1\"},"
                + "\"ChallengeParameters\":{}}");

        SessionTokens fresh = refresher.current(request.getSession(false), tokens);

        assertThat(Sealers.open(fresh.refreshToken())).isEqualTo("refresh-1");
    }

    @Test
    void aRefreshTokenSealedUnderARetiredKeyEndsTheSessionWithoutAskingCognito() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        refresher.sealer = dev.cognitoee.internal.seal.SessionSealer.withRandomKey(); // the key "test" is retired

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_SIGNED_IN));

        assertThat(http.sent()).isEmpty();
        assertThat(browser.sessionId()).as("the session is invalidated").isNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedOut.class, e -> {
            assertThat(e.reason()).isEqualTo(SignedOut.Reason.SESSION_UNREADABLE);
            assertThat(e.username()).isEqualTo("alice");
            assertThat(e.global()).isFalse();
        });
    }

    @Test
    void anAlteredRefreshTokenEndsTheSessionWithoutAskingCognito() {
        SessionTokens signedIn = signedIn(Instant.now().plusSeconds(30));
        byte[] ciphertext = signedIn.refreshToken().ciphertext();
        ciphertext[3] ^= 0x20;
        SessionTokens tampered = signedIn.refreshed(signedIn.accessToken(), signedIn.idToken(),
                new dev.cognitoee.internal.seal.Sealed("test", signedIn.refreshToken().iv(), ciphertext),
                signedIn.expiresAt());
        SessionStore.replaceTokens(request.getSession(false), tampered);

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tampered))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_SIGNED_IN));

        assertThat(http.sent()).isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedOut.class,
                e -> assertThat(e.reason()).isEqualTo(SignedOut.Reason.SESSION_UNREADABLE));
    }

    @Test
    void aSignedInRequestFindsARetiredKeyWithoutDecrypting() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(600));
        UnreadableSessions sameKeys = SessionBeans.unreadableSessions(Sealers.TEST, recorder, TokenRevocations.off(),
                Clock.systemUTC());
        UnreadableSessions keyRetired = SessionBeans.unreadableSessions(
                dev.cognitoee.internal.seal.SessionSealer.withRandomKey(), recorder, TokenRevocations.off(),
                Clock.systemUTC());

        assertThat(sameKeys.readable(request.getSession(false), tokens)).isTrue();
        assertThat(events).isEmpty();

        assertThat(keyRetired.readable(request.getSession(false), tokens)).isFalse();
        assertThat(SessionStore.tokens(request)).isNull();
        assertThat(events).singleElement().isInstanceOfSatisfying(SignedOut.class,
                e -> assertThat(e.reason()).isEqualTo(SignedOut.Reason.SESSION_UNREADABLE));
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Refresh Token has been revoked\"}");

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));

        assertThat(SessionStore.tokens(request)).isNull();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(TokenRefreshFailed.class, e -> {
            assertThat(e.signedOut()).isTrue();
            assertThat(e.pool()).isEqualTo("default");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(SignedOut.class, e -> {
            assertThat(e.reason()).isEqualTo(SignedOut.Reason.REFRESH_REFUSED);
            assertThat(e.pool()).isEqualTo("default");
        });
    }

    @Test
    void aRefusedRefreshRevokesTheSessionsTokensWhenTheCheckIsOn() {
        InMemoryRevocationList list = new InMemoryRevocationList(10, java.time.Clock.systemUTC());
        refresher.revocations = new TokenRevocations(list, java.time.Duration.ZERO);
        Instant now = Instant.now();
        String access = POOL.access(now);
        SessionTokens tokens = new SessionTokens("alice", access, POOL.sign(TokenMinter.idClaims(now)),
                Sealers.refreshToken("refresh-0"),
                now.plusSeconds(30));
        SessionStore.signIn(request, tokens);
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Refresh Token has been revoked\"}");

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOf(CognitoAuthException.class);

        assertThat(list.isRevoked(Jwt.decode(access).getString("origin_jti"))).isTrue();
    }

    @Test
    void aDeletedUserEndsTheSession() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        http.answer(400, "{\"__type\":\"UserNotFoundException\",\"message\":\"User does not exist.\"}");

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.USER_NOT_FOUND));

        assertThat(SessionStore.tokens(request)).isNull();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(SignedOut.class,
                e -> assertThat(e.reason()).isEqualTo(SignedOut.Reason.REFRESH_REFUSED));
    }

    @Test
    void aSignOutDuringTheRefreshReleasesEveryRequestWaitingForIt() throws Exception {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\"},\"ChallengeParameters\":{}}");
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        http.beforeAnswer(() -> {
            inCall.countDown();
            awaitUninterruptibly(release);
        });
        HttpSession session = request.getSession(false);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<SessionTokens> owner = threads.submit(() -> refresher.current(session, tokens));
            assertThat(inCall.await(5, TimeUnit.SECONDS)).as("the refresh reached Cognito").isTrue();
            Thread[] waiterThread = new Thread[1];
            Future<SessionTokens> waiter = threads.submit(() -> {
                waiterThread[0] = Thread.currentThread();
                return refresher.current(session, tokens);
            });
            awaitParked(waiterThread);

            browser.invalidateFromAnotherRequest(); // a concurrent sign-out
            release.countDown();

            assertFailsWith(owner, AuthError.NOT_SIGNED_IN);
            assertFailsWith(waiter, AuthError.NOT_SIGNED_IN);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aRequestWaitsForAnotherOnesRefreshNoLongerThanACallMayTake() throws Exception {
        refresher.config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client",
                "cognito.refresh-ahead", "120", "cognito.connect-timeout", "100", "cognito.read-timeout", "100");
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        http.beforeAnswer(() -> {
            inCall.countDown();
            awaitUninterruptibly(release); // a Cognito that hangs past every timeout
        });
        HttpSession session = request.getSession(false);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> refresher.current(session, tokens));
            assertThat(inCall.await(5, TimeUnit.SECONDS)).isTrue();

            Future<SessionTokens> waiter = threads.submit(() -> refresher.current(session, tokens));

            // the bound is the call timeout, 1.2 s here; 10 s only keeps a broken build from hanging
            assertFailsWith(waiter, AuthError.SERVICE_UNAVAILABLE);
            assertThat(SessionStore.tokens(request)).as("the tokens are kept").isEqualTo(tokens);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void assertFailsWith(Future<SessionTokens> future, AuthError expected) {
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(expected));
    }

    /** Waits until the thread in {@code holder} is parked (waiting for the shared refresh). */
    private static void awaitParked(Thread[] holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread thread = holder[0];
            if (thread != null && (thread.getState() == Thread.State.WAITING
                    || thread.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the second request never waited for the first one's refresh");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                if (latch.await(30, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNetworkFailureKeepsTheTokens() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        http.failWith(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));

        assertThat(SessionStore.tokens(request)).isEqualTo(tokens);
        assertThat(events).singleElement().isInstanceOfSatisfying(TokenRefreshFailed.class,
                e -> assertThat(e.signedOut()).isFalse());
    }
}
