package dev.cognitoee.token;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching, the unknown-kid rule and outage tolerance, against a JWKS endpoint the test runs. */
class SigningKeysTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

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
}
