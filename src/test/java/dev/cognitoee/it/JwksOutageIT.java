package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.RawHttp;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool's JWKS endpoint failing under bearer traffic, in Payara: a WAR whose {@code cognito.jwks-uri} points at
 * a stand-in in the test JVM ({@link JwksServer}: the emulator cannot be made to hang or rotate its key) that the
 * test holds, stops and restarts, with tokens from {@link TokenMinter}. In order: a cold start while the endpoint
 * hangs, recovery, an outage under concurrent load, and a key rotation. Every JWKS request is counted.
 */
@ExtendWith(SharedPayara.class)
class JwksOutageIT {

    private static final String APP = "jwksoutage";
    private static final String PROTECTED = "api/caller";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** A 503 slower than this waited for the JWKS endpoint; only a request that fetches may. */
    private static final Duration FAST = READ_TIMEOUT.dividedBy(2);
    /** SigningKeys.FAILURE_MEMORY: at most one fetch per this, while the endpoint fails. */
    private static final Duration FAILURE_MEMORY = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;

    private static final TokenMinter CURRENT = new TokenMinter("pool-key-2026");
    private static final TokenMinter NEXT = new TokenMinter("pool-key-2027");
    private static final JwksServer JWKS = jwks();

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cognito.region", "eu-west-1");
        settings.put("cognito.user-pool-id", "eu-west-1_TestPool1");
        settings.put("cognito.client-id", TokenMinter.CLIENT_ID);
        settings.put("cognito.issuer", TokenMinter.ISSUER);
        settings.put("cognito.jwks-uri", JWKS.uri().toString());
        settings.put("cognito.connect-timeout", "1000");
        settings.put("cognito.read-timeout", String.valueOf(READ_TIMEOUT.toMillis()));
        return TestWars.war(APP, settings, SecurityConfig.class.getPackage());
    }

    private static JwksServer jwks() {
        try {
            return new JwksServer(CURRENT.key().toPublicJWK());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopJwks() {
        JWKS.close();
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @Test
    void cachedKeysOutlastAnOutageUnderLoadAndARotationIsPickedUp() throws Exception {
        // Warm the application up (its first requests initialise Jersey and Soteria, slowly on 2 cores) with
        // requests that need no keys, so that a slow answer below means a wait for the JWKS endpoint only.
        List<RawHttp.Response> warmUp = concurrently(THREADS, 3,
                i -> RawHttp.get(base, i % 2 == 0 ? "api/public" : PROTECTED, List.of()));
        assertThat(warmUp).noneMatch(RawHttp.Response::serverError);
        assertThat(JWKS.requests()).as("nothing fetched before the first bearer request").isZero();

        // 1. Cold start while the endpoint hangs: one request waits for it, all others get 503 at once.
        JWKS.hold();
        long coldStart = System.nanoTime();
        List<RawHttp.Response> cold = concurrently(THREADS, 25, i -> bearer(CURRENT.access(Instant.now())));
        long coldMillis = millisSince(coldStart);
        List<Long> slow = cold.stream().map(RawHttp.Response::millis).filter(ms -> ms > FAST.toMillis()).toList();
        assertThat(cold).allSatisfy(r -> {
            assertThat(r.status()).as(r.text()).isEqualTo(503);
            assertThat(r.text()).contains("Retry-After: 10");
        });
        int coldFetches = JWKS.requests();
        assertThat(coldFetches).isPositive().isLessThanOrEqualTo(fetchesAllowed(coldMillis));
        assertThat(slow).as("503s that waited for the endpoint (ms): only those that fetched")
                .hasSizeLessThanOrEqualTo(coldFetches);

        // 2. The endpoint answers again: served within the failure memory.
        JWKS.release();
        long recovery = System.nanoTime();
        awaitStatus(200, () -> bearer(CURRENT.access(Instant.now())));
        long recoveryMillis = millisSince(recovery);
        int afterRecovery = JWKS.requests();

        // 3. The endpoint hangs again, under 8 x 200 requests with fresh tokens (no verified-token cache hit);
        // one in ten carries a kid the pool does not publish yet, and asks for a refetch.
        JWKS.hold();
        long load = System.nanoTime();
        List<RawHttp.Response> loaded = concurrently(THREADS, PER_THREAD,
                i -> bearer(i % 10 == 0 ? NEXT.access(Instant.now()) : CURRENT.access(Instant.now())));
        long loadMillis = millisSince(load);
        int loadFetches = JWKS.requests() - afterRecovery;
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            outcomes.merge((i % PER_THREAD % 10 == 0 ? "unknown kid " : "known kid ") + loaded.get(i).status(), 1,
                    Integer::sum);
        }
        assertThat(loaded).noneMatch(RawHttp.Response::serverError);
        assertThat(outcomes.get("known kid 200")).as(outcomes.toString()).isEqualTo(THREADS * PER_THREAD * 9 / 10);
        assertThat(loadFetches).isLessThanOrEqualTo(fetchesAllowed(loadMillis));

        // 4. Back, with the key rotated: tokens of the new key are accepted, those of the old one no longer.
        JWKS.publish(NEXT.key().toPublicJWK());
        JWKS.release();
        long rotation = System.nanoTime();
        awaitStatus(200, () -> bearer(NEXT.access(Instant.now())));
        long rotationMillis = millisSince(rotation);
        assertThat(bearer(CURRENT.access(Instant.now())).status()).as("the old key is gone").isEqualTo(401);

        System.out.printf("jwks outage: cold start %d requests, 503 %d, waited %d, fetches %d in %d ms; "
                        + "recovered in %d ms; load %d requests in %d ms, %s, 5xx 0, fetches %d; "
                        + "rotation picked up in %d ms; fetches in all %d%n",
                cold.size(), cold.size(), slow.size(), coldFetches, coldMillis, recoveryMillis, loaded.size(), loadMillis,
                outcomes, loadFetches, rotationMillis, JWKS.requests());
    }

    /** At most one fetch per failure memory, plus the one that started it all. */
    private static int fetchesAllowed(long millis) {
        return 1 + (int) (millis / FAILURE_MEMORY.toMillis()) + 1;
    }

    private RawHttp.Response bearer(String token) {
        return RawHttp.get(base, PROTECTED, List.of("Authorization: Bearer " + token));
    }

    private void awaitStatus(int status, Supplier<RawHttp.Response> request) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        RawHttp.Response last = request.get();
        while (last.status() != status) {
            assertThat(System.nanoTime()).as("HTTP %d within %s; last answer %s", status, DEADLINE,
                    last.text().lines().findFirst().orElse("")).isLessThan(deadline);
            Thread.sleep(200);
            last = request.get();
        }
    }

    private interface Request {
        RawHttp.Response send(int index);
    }

    /** {@code threads} x {@code perThread} requests, in order of thread then request; every wait bounded. */
    private static List<RawHttp.Response> concurrently(int threads, int perThread, Request request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<RawHttp.Response>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<RawHttp.Response> responses = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        responses.add(request.send(i));
                    }
                    return responses;
                });
            }
            List<Future<List<RawHttp.Response>>> futures = new ArrayList<>();
            for (Callable<List<RawHttp.Response>> each : work) {
                futures.add(pool.submit(each));
            }
            List<RawHttp.Response> all = new ArrayList<>();
            for (Future<List<RawHttp.Response>> future : futures) {
                all.addAll(future.get(DEADLINE.toSeconds() * 3, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
