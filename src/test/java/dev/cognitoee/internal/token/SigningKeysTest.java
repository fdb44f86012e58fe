package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching, the unknown-kid rule and outage tolerance, against a JWKS endpoint the test runs. */
class SigningKeysTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Timeouts long enough that a fetch held by the stand-in stays in flight while the test looks. */
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(20);
    /** The bound on any wait of these tests for a lookup that must not block: a safety net against hangs. */
    private static final long AT_ONCE_SECONDS = 5;

    private final TokenMinter current = new TokenMinter("key-2026");
    private final TokenMinter next = new TokenMinter("key-2027");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private JwksServer jwks;
    private SigningKeys keys;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(current.key().toPublicJWK());
        keys = SigningKeys.fromJwksUri(jwks.uri(), TIMEOUT, TIMEOUT, clock);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void fetchesOnceAndServesFromTheCache() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(keys.keyFor("key-2026")).isPresent();
        }
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void refetchesAfterTheCacheLifetime() throws Exception {
        keys.keyFor("key-2026");
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));
        keys.keyFor("key-2026");
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void anUnknownKidRefetchesAtMostOncePerInterval() throws Exception {
        keys.keyFor("key-2026");

        assertThat(keys.keyFor("made-up-1")).isEmpty();
        assertThat(jwks.requests()).isEqualTo(2);

        for (int i = 0; i < 50; i++) {
            assertThat(keys.keyFor("made-up-" + i)).isEmpty();
        }
        clock.advance(SigningKeys.UNKNOWN_KID_REFETCH_INTERVAL.minusMillis(1));
        assertThat(keys.keyFor("made-up-again")).isEmpty();
        assertThat(jwks.requests()).isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        assertThat(keys.keyFor("made-up-later")).isEmpty();
        assertThat(jwks.requests()).isEqualTo(3);
    }

    @Test
    void aRotatedKeyIsPickedUpByTheUnknownKidRefetch() throws Exception {
        keys.keyFor("key-2026");
        jwks.publish(current.key().toPublicJWK(), next.key().toPublicJWK());

        assertThat(keys.keyFor("key-2027")).isPresent();
        assertThat(keys.keyFor("key-2026")).isPresent();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithANewKidShareOneRefetch() throws Exception {
        keys.keyFor("key-2026");
        jwks.publish(current.key().toPublicJWK(), next.key().toPublicJWK());
        jwks.delay(Duration.ofMillis(200));

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(() -> keys.keyFor("key-2027").isPresent());
            }
            for (Future<Boolean> found : threads.invokeAll(lookups)) {
                assertThat(found.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void cachedKeysStayInServiceWhenTheEndpointFails() throws Exception {
        keys.keyFor("key-2026");
        jwks.failing(true);
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));

        assertThat(keys.keyFor("key-2026")).isPresent();
        clock.advance(Duration.ofDays(2));
        assertThat(keys.keyFor("key-2026")).isPresent();
        assertThat(jwks.requests()).isGreaterThan(1); // it did try
    }

    @Test
    void cachedKeysStayInServiceWhenTheEndpointIsGone() throws Exception {
        keys.keyFor("key-2026");
        jwks.close();
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));

        assertThat(keys.keyFor("key-2026")).isPresent();
        assertThat(keys.keyFor("made-up")).isEmpty();
    }

    @Test
    void noKeysAtAllIsAnUnavailableErrorNotARejection() {
        jwks.failing(true);
        assertThatThrownBy(() -> keys.keyFor("key-2026"))
                .isInstanceOf(SigningKeysUnavailableException.class)
                .hasMessageContaining("signing keys cannot be fetched");
    }

    @Test
    void aSlowEndpointTimesOutWithinTheConfiguredReadTimeout() {
        jwks.delay(Duration.ofSeconds(3));
        long start = System.nanoTime();
        assertThatThrownBy(() -> keys.keyFor("key-2026")).isInstanceOf(SigningKeysUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void ignoresKeysNotMeantForRs256Signatures() throws Exception {
        var encryptionKey = new com.nimbusds.jose.jwk.RSAKey.Builder(next.key().toRSAPublicKey())
                .keyID("enc-key").keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION).build();
        var rs512Key = new com.nimbusds.jose.jwk.RSAKey.Builder(next.key().toRSAPublicKey())
                .keyID("rs512-key").algorithm(com.nimbusds.jose.JWSAlgorithm.RS512).build();
        jwks.publish(current.key().toPublicJWK(), encryptionKey, rs512Key);

        assertThat(keys.keyFor("key-2026")).isPresent();
        assertThat(keys.keyFor("enc-key")).isEmpty();
        assertThat(keys.keyFor("rs512-key")).isEmpty();
    }

    // Cold start and outage behaviour (issue 10, defect 2)

    @Test
    void aColdStartWithTheEndpointFailingFetchesOncePerFailureMemory() throws Exception {
        jwks.failing(true);

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> keys.keyFor("key-2026")).isInstanceOf(SigningKeysUnavailableException.class)
                    .hasMessageContaining("signing keys cannot be fetched");
        }
        assertThat(jwks.requests()).as("one failed fetch is remembered").isEqualTo(1);

        clock.advance(SigningKeys.FAILURE_MEMORY.minusMillis(1));
        assertThatThrownBy(() -> keys.keyFor("key-2026")).isInstanceOf(SigningKeysUnavailableException.class);
        assertThat(jwks.requests()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        jwks.failing(false);
        assertThat(keys.keyFor("key-2026")).as("tried again once the memory is over").isPresent();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void aColdStartWithTheEndpointFailingFetchesOnceForManyThreads() throws Exception {
        jwks.failing(true);

        int threads = 8;
        int perThread = 100;
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            callers.add(() -> {
                int unavailable = 0;
                for (int i = 0; i < perThread; i++) {
                    try {
                        keys.keyFor("key-2026");
                    } catch (SigningKeysUnavailableException e) {
                        unavailable++;
                    }
                }
                return unavailable;
            });
        }
        int unavailable = 0;
        for (Future<Integer> result : runAll(callers)) {
            unavailable += result.get(AT_ONCE_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(unavailable).isEqualTo(threads * perThread);
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void aHealthyColdStartServesEveryConcurrentFirstRequestWithOneFetch() throws Exception {
        jwks.delay(Duration.ofMillis(100));
        List<Callable<Boolean>> firstRequests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            firstRequests.add(() -> keys.keyFor("key-2026").isPresent());
        }
        for (Future<Boolean> found : runAll(firstRequests)) {
            assertThat(found.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).as("served, not 503").isTrue();
        }
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void aColdStartWhileOneFetchHangsFailsEveryOtherRequestAfterAShortWait() throws Exception {
        SigningKeys patient = SigningKeys.fromJwksUri(jwks.uri(), LONG_TIMEOUT, LONG_TIMEOUT, clock);
        jwks.hold();
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> fetching = first.submit(() -> patient.keyFor("key-2026").isPresent());
            awaitRequests(1);

            List<Callable<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                others.add(() -> {
                    try {
                        patient.keyFor("key-2026");
                        return false;
                    } catch (SigningKeysUnavailableException e) {
                        return true;
                    }
                });
            }
            long start = System.nanoTime();
            for (Future<Boolean> unavailable : runAll(others)) {
                assertThat(unavailable.get(AT_ONCE_SECONDS, TimeUnit.SECONDS))
                        .as("answered unavailable without waiting for the hanging fetch").isTrue();
            }
            // a safety net well above the 500 ms wait, far below the 20 s the hanging fetch may take
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(fetching).as("the one fetch is still held").isNotDone();
            assertThat(jwks.requests()).isEqualTo(1);

            jwks.release();
            assertThat(fetching.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(patient.keyFor("key-2026")).isPresent();
            assertThat(jwks.requests()).isEqualTo(1);
        } finally {
            jwks.release();
            first.shutdownNow();
        }
    }

    @Test
    void pastTheCacheLifetimeKnownKeysAreServedAtOnceWhileOneRefreshHangs() throws Exception {
        SigningKeys patient = SigningKeys.fromJwksUri(jwks.uri(), LONG_TIMEOUT, LONG_TIMEOUT, clock);
        assertThat(patient.keyFor("key-2026")).isPresent();
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));
        jwks.hold();
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> refreshing = first.submit(() -> patient.keyFor("key-2026").isPresent());
            awaitRequests(2);

            List<Callable<Boolean>> others = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                others.add(() -> patient.keyFor("key-2026").isPresent());
            }
            for (Future<Boolean> found : runAll(others)) {
                assertThat(found.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).as("served from the old set").isTrue();
            }
            assertThat(refreshing).as("the one refresh is still held").isNotDone();
            assertThat(jwks.requests()).isEqualTo(2);

            jwks.failing(true);
            jwks.release();
            assertThat(refreshing.get(AT_ONCE_SECONDS, TimeUnit.SECONDS)).as("the refresher keeps the old set").isTrue();
        } finally {
            jwks.release();
            first.shutdownNow();
        }

        for (int i = 0; i < 100; i++) {
            assertThat(patient.keyFor("key-2026")).isPresent();
        }
        assertThat(jwks.requests()).as("the failed refresh is remembered").isEqualTo(2);
        clock.advance(SigningKeys.FAILURE_MEMORY);
        assertThat(patient.keyFor("key-2026")).isPresent();
        assertThat(jwks.requests()).as("one more try after the memory").isEqualTo(3);
    }

    @Test
    void duringAnOutageUnknownKidsAddNoFetchesBeyondTheRules() throws Exception {
        keys.keyFor("key-2026");
        jwks.failing(true);
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));

        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 20; i++) {
                assertThat(keys.keyFor("key-2026")).isPresent();
                assertThat(keys.keyFor("forged-" + second + "-" + i)).isEmpty();
            }
            clock.advance(Duration.ofSeconds(1));
        }

        // A minute of outage, 2400 lookups: at most one attempt per failure memory, whatever the kids.
        long allowed = Duration.ofSeconds(60).toMillis() / SigningKeys.FAILURE_MEMORY.toMillis();
        assertThat(jwks.requests() - 1).isPositive().isLessThanOrEqualTo((int) allowed);
    }

    @Test
    void aRotatedKeyIsPickedUpWhenTheEndpointComesBack() throws Exception {
        keys.keyFor("key-2026");
        jwks.stop();
        clock.advance(SigningKeys.CACHE_TIME_TO_LIVE.plusSeconds(1));
        assertThat(keys.keyFor("key-2026")).as("served from the old set").isPresent();
        assertThat(keys.keyFor("key-2027")).isEmpty();

        jwks.publish(next.key().toPublicJWK());
        jwks.start();
        clock.advance(SigningKeys.FAILURE_MEMORY.plus(SigningKeys.UNKNOWN_KID_REFETCH_INTERVAL));

        assertThat(keys.keyFor("key-2027")).isPresent();
        assertThat(keys.keyFor("key-2026")).as("dropped by the pool").isEmpty();
    }

    private static <T> List<Future<T>> runAll(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            pool.shutdown();
            pool.awaitTermination(AT_ONCE_SECONDS * 2, TimeUnit.SECONDS);
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AT_ONCE_SECONDS);
        while (jwks.requests() < count) {
            assertThat(System.nanoTime()).as("a fetch reached the stand-in in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
