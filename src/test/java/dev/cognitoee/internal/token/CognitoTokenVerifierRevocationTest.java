package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier's revocation hook: the local list (on the cache's hit path too) and the "ask Cognito" check, with a
 * stand-in for Cognito's GetUser that counts the questions.
 */
class CognitoTokenVerifierRevocationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ORIGIN_JTI = "0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff"; // TokenMinter's

    private final TokenMinter pool = new TokenMinter("pool-key-1");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRevocationList list = new InMemoryRevocationList(1000, clock);
    private final TokenRevocations revocations = new TokenRevocations(list, Duration.ofSeconds(60));
    private JwksServer jwks;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(pool.key().toPublicJWK());
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private CognitoTokenVerifier verifier(TokenRevocations check, UserPoolTokenCheck cognito, String... overrides) {
        CognitoConfig config = TestConfigs.pool(jwks.uri(), overrides);
        SigningKeys keys = SigningKeys.fromJwksUri(config.jwksUri(), config.connectTimeout(), config.readTimeout(),
                clock);
        try {
            // Fetched once up front: concurrent first requests of a cold start are SigningKeysTest's subject.
            keys.keyFor("warm-up");
        } catch (SigningKeysUnavailableException e) {
            throw new IllegalStateException(e);
        }
        return new CognitoTokenVerifier(config, keys, clock, check, cognito);
    }

    // ---- local: the sessions this application signed out

    @Test
    void aCachedTokenIsRefusedOnceItsSessionIsRevoked() throws Exception {
        CognitoTokenVerifier verifier = verifier(revocations, null);
        String token = pool.access(NOW);
        verifier.verify(token);
        assertThat(verifier.cache().size()).as("cached").isEqualTo(1);

        revocations.revokeSession(token);

        assertRejected(verifier, token, TokenRejection.REVOKED);
        assertThat(verifier.cache().size()).as("refused on the hit path, the entry still there").isEqualTo(1);
    }

    @Test
    void anUncachedTokenIsRefusedToo() throws Exception {
        CognitoTokenVerifier verifier = verifier(revocations, null, "cognito.token-cache-size", "0");
        String token = pool.access(NOW);
        revocations.revokeSession(token);

        assertRejected(verifier, token, TokenRejection.REVOKED);
    }

    @Test
    void theSessionsOtherTokensAndItsRefreshedTokensAreRefused() throws Exception {
        CognitoTokenVerifier verifier = verifier(revocations, null);
        String signedOut = pool.access(NOW);
        // Cognito keeps origin_jti across refreshes: a token refreshed before the sign-out, or a copy kept elsewhere
        String refreshed = pool.access(NOW, c -> c.put("jti", "refreshed-jti"));
        String otherSession = pool.access(NOW, c -> {
            c.put("origin_jti", "another-authentication");
            c.put("jti", "another-jti");
        });
        verifier.verify(refreshed);

        revocations.revokeSession(signedOut);

        assertRejected(verifier, refreshed, TokenRejection.REVOKED);
        assertThat(verifier.verify(otherSession).callerName()).isEqualTo("alice");
    }

    @Test
    void theEntryLastsUntilTheTokenCouldNoLongerBeAcceptedAnyway() throws Exception {
        CognitoTokenVerifier verifier = verifier(revocations, null);
        String token = pool.access(NOW);
        revocations.revokeSession(token);

        clock.advance(Duration.ofSeconds(3600 + 60)); // exp + skew: the last second the verifier accepts it
        assertRejected(verifier, token, TokenRejection.REVOKED);
        clock.advance(Duration.ofSeconds(1));
        assertRejected(verifier, token, TokenRejection.EXPIRED);
        assertThat(list.isRevoked(ORIGIN_JTI)).isFalse();
    }

    @Test
    void offIsTodaysBehaviourARevokedTokenStaysValidUntilItsExpiry() throws Exception {
        CognitoTokenVerifier verifier = verifier(TokenRevocations.off(), null);
        String token = pool.access(NOW);
        verifier.verify(token);
        TokenRevocations.off().revokeSession(token);

        assertThat(verifier.verify(token).callerName()).isEqualTo("alice");
    }

    @Test
    void withTheCheckOnATokenWithoutJtiIsRefused() throws Exception {
        String bare = pool.access(NOW, c -> {
            c.remove("origin_jti");
            c.remove("jti");
        });
        assertRejected(verifier(revocations, null), bare, TokenRejection.MISSING_CLAIM);
        assertThat(verifier(TokenRevocations.off(), null).verify(bare).callerName()).isEqualTo("alice");
    }

    // ---- cognito: GetUser asked about each new access token

    @Test
    void asksCognitoOnceAndAgainOnlyAfterTheCacheTime() throws Exception {
        CountingCheck cognito = new CountingCheck(true);
        CognitoTokenVerifier verifier = verifier(revocations, cognito, "cognito.revocation-check", "cognito",
                "cognito.revocation-cache-time", "60");
        String token = pool.access(NOW);

        verifier.verify(token);
        verifier.verify(token);
        clock.advance(Duration.ofSeconds(59));
        verifier.verify(token);
        assertThat(cognito.calls.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        verifier.verify(token);
        assertThat(cognito.calls.get()).isEqualTo(2);
        verifier.verify(pool.access(NOW, c -> c.put("jti", "another-token")));
        assertThat(cognito.calls.get()).as("each token is asked about").isEqualTo(3);
    }

    @Test
    void aTokenCognitoRefusesIsRefusedAndItsSessionRecorded() throws Exception {
        CountingCheck cognito = new CountingCheck(false);
        CognitoTokenVerifier verifier = verifier(revocations, cognito, "cognito.revocation-check", "cognito");
        String token = pool.access(NOW);

        assertRejected(verifier, token, TokenRejection.REVOKED);
        assertThat(list.isRevoked(ORIGIN_JTI)).isTrue();
        assertRejected(verifier, pool.access(NOW, c -> c.put("jti", "same-session")), TokenRejection.REVOKED);
        assertThat(cognito.calls.get()).as("the session's other tokens are refused without asking").isEqualTo(1);
    }

    @Test
    void aRefusalAfterTheCacheTimeRefusesACachedToken() throws Exception {
        CountingCheck cognito = new CountingCheck(true);
        CognitoTokenVerifier verifier = verifier(revocations, cognito, "cognito.revocation-check", "cognito",
                "cognito.revocation-cache-time", "30");
        String token = pool.access(NOW);
        verifier.verify(token);

        cognito.honours = false; // signed out globally, elsewhere
        clock.advance(Duration.ofSeconds(30));

        assertRejected(verifier, token, TokenRejection.REVOKED);
    }

    @Test
    void cognitoUnreachableIsNeverAnAcceptAndIsNotRemembered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        UserPoolTokenCheck down = token -> {
            calls.incrementAndGet();
            throw new RevocationCheckUnavailableException("Cognito cannot be reached", null);
        };
        CognitoTokenVerifier verifier = verifier(revocations, down, "cognito.revocation-check", "cognito");
        String token = pool.access(NOW);

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(RevocationCheckUnavailableException.class)
                .isInstanceOf(SigningKeysUnavailableException.class) // what the mechanism answers with 503
                .hasMessageNotContaining(token);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RevocationCheckUnavailableException.class);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(list.isRevoked(ORIGIN_JTI)).isFalse();
    }

    @Test
    void aTokenWithoutTheGetUserScopeIsRefusedWithoutAsking() throws Exception {
        CountingCheck cognito = new CountingCheck(true);
        CognitoTokenVerifier verifier = verifier(revocations, cognito, "cognito.revocation-check", "cognito");

        assertRejected(verifier, pool.access(NOW, c -> c.put("scope", "openid email")),
                TokenRejection.REVOCATION_SCOPE_MISSING);
        assertRejected(verifier, pool.access(NOW, c -> c.remove("scope")), TokenRejection.REVOCATION_SCOPE_MISSING);
        assertThat(verifier.verify(pool.access(NOW, c -> c.put("scope", "openid aws.cognito.signin.user.admin")))
                .callerName()).isEqualTo("alice");
        assertThat(cognito.calls.get()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithANewTokenAskCognitoOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        UserPoolTokenCheck slow = token -> {
            calls.incrementAndGet();
            await(release);
            return true;
        };
        CognitoTokenVerifier verifier = verifier(revocations, slow, "cognito.revocation-check", "cognito");
        String token = pool.access(NOW);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<VerifiedToken>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(threads.submit(() -> verifier.verify(token)));
            }
            pollUntil(() -> calls.get() == 1 && verifier.poolCheck().inFlight() == 1);
            release.countDown();
            for (Future<VerifiedToken> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS).callerName()).isEqualTo("alice");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(calls.get()).isEqualTo(1);
        assertThat(verifier.poolCheck().inFlight()).as("stranded questions").isZero();
    }

    @Test
    void waitersGiveUpAfterOneCallsTimeoutsAndAFailingQuestionStrandsNobody() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        UserPoolTokenCheck hanging = token -> {
            await(release);
            throw new IllegalStateException("a bug in the check");
        };
        // the wait bound: connect + read timeouts, 1000 + 1000 ms (TestConfigs)
        CognitoTokenVerifier verifier = verifier(revocations, hanging, "cognito.revocation-check", "cognito");
        String token = pool.access(NOW);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<VerifiedToken> owner = threads.submit(() -> verifier.verify(token));
            pollUntil(() -> verifier.poolCheck().inFlight() == 1);
            long start = System.nanoTime();
            Future<VerifiedToken> waiter = threads.submit(() -> verifier.verify(token));

            assertThatThrownBy(() -> waiter.get(8, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RevocationCheckUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded wait").isLessThan(Duration.ofSeconds(8));

            release.countDown();
            assertThatThrownBy(() -> owner.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(verifier.poolCheck().inFlight()).as("stranded questions").isZero();
    }

    @Test
    void theCheckIsOffUnlessAskedFor() {
        assertThat(verifier(revocations, null).poolCheck()).isNull();
    }

    private static void assertRejected(CognitoTokenVerifier verifier, String token, TokenRejection expected) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(expected));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pollUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    /** A stand-in for Cognito's GetUser: a fixed answer, counted. */
    private static final class CountingCheck implements UserPoolTokenCheck {
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean honours;

        CountingCheck(boolean honours) {
            this.honours = honours;
        }

        @Override
        public boolean honours(String accessToken) {
            calls.incrementAndGet();
            return honours;
        }
    }
}
