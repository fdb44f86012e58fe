package dev.cognitoee.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.cluster.TestGrids;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.MutableClock;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The credentials cache of several nodes ({@link CredentialsCache}s over one {@link SharedCredentials} grid): one
 * fetch per caller per credentials lifetime, whichever node asks.
 */
class SharedCredentialsTest {

    private static final Duration FETCH_BOUND = Duration.ofSeconds(5);
    private static final String ALICE = CacheKeys.user("https://issuer", "sub-alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final Grid grid = TestGrids.inMemory();
    private final AtomicInteger fetches = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private CredentialsCache node() {
        return new CredentialsCache(clock, 100,
                new SharedCredentials(new SharedState(grid), Sealers.TEST, clock, FETCH_BOUND, "pool", "identity-pool"));
    }

    private CredentialsAndIdentityId fetch() {
        int n = fetches.incrementAndGet();
        return new CredentialsAndIdentityId(AwsSessionCredentials.create("AKID" + n, "secret" + n, "token" + n),
                "eu-west-1:identity", clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void concurrentRequestsOfOneCallerOnThreeNodesFetchOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<CredentialsAndIdentityId>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CredentialsCache node = node();
            results.add(threads.submit(() -> node.get(ALICE, false, FETCH_BOUND, null, () -> {
                await(release);
                return fetch();
            })));
        }
        Thread.sleep(200); // lets every node reach the grid; the outcome must not depend on it
        release.countDown();

        for (Future<CredentialsAndIdentityId> result : results) {
            CredentialsAndIdentityId credentials = result.get(10, TimeUnit.SECONDS);
            assertThat(credentials.credentials().accessKeyId()).isEqualTo("AKID1");
            assertThat(credentials.credentials().secretAccessKey()).isEqualTo("secret1");
            assertThat(credentials.credentials().sessionToken()).isEqualTo("token1");
            assertThat(credentials.identityId()).isEqualTo("eu-west-1:identity");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void anotherNodeServesWhatOneFetchedUntilShortlyBeforeExpirationThenFetchesOnce() {
        node().get(ALICE, false, FETCH_BOUND, null, this::fetch);
        CredentialsCache b = node();

        assertThat(b.get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId()).isEqualTo("AKID1");
        clock.advance(Duration.ofMinutes(55)); // one hour's credentials are fresh until 5 minutes before they expire

        assertThat(node().get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .as("stale in the grid: fetched again").isEqualTo("AKID2");
        assertThat(node().get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anotherCallerIsAnotherFetch() {
        node().get(ALICE, false, FETCH_BOUND, null, this::fetch);

        node().get(CacheKeys.user("https://issuer", "sub-bob"), false, FETCH_BOUND, null, this::fetch);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void aForcedRefreshFetchesAnewAndTheOtherNodesThenGetTheNewOnes() {
        node().get(ALICE, false, FETCH_BOUND, null, this::fetch);

        assertThat(node().get(ALICE, true, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID2");
        assertThat(node().get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID2");
    }

    @Test
    void aSignOutOnOneNodeForgetsTheCallersCredentialsInTheGrid() {
        CredentialsCache a = node();
        a.get(ALICE, false, FETCH_BOUND, null, this::fetch);

        a.forget(ALICE);

        assertThat(node().get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID2");
    }

    @Test
    void aFailedFetchIsNotPublishedAndTheNextNodeFetches() {
        assertThatThrownBy(() -> node().get(ALICE, false, FETCH_BOUND, null, () -> {
            throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "token expired");
        })).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));

        assertThat(node().get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID1");
    }

    @Test
    void aFailedGridCostsAFetchPerNodeButStillServesTheCaller() {
        TestGrids.Breakable broken = TestGrids.breakable();
        CredentialsCache node = new CredentialsCache(clock, 100,
                new SharedCredentials(new SharedState(broken), Sealers.TEST, clock, FETCH_BOUND, "pool", "identity-pool"));
        broken.breakDown();

        assertThat(node.get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .isEqualTo("AKID1");
        assertThat(node.get(ALICE, false, FETCH_BOUND, null, this::fetch).credentials().accessKeyId())
                .as("then from this node's own cache").isEqualTo("AKID1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void theGridValueReadsBackAndNeverShowsTheSecret() {
        GridCredentials value = GridCredentials.of(fetch(), clock.instant().plusSeconds(60));

        String stored = value.encode(Sealers.TEST);

        assertThat(GridCredentials.decode(stored, Sealers.TEST)).isEqualTo(value);
        assertThat(stored).as("sealed: no secret in the grid").doesNotContain("secret1").doesNotContain("token1")
                .doesNotContain("AKID");
        assertThat(value.toString()).doesNotContain("secret1").doesNotContain("token1");
        assertThat(GridCredentials.decode(stored, Sealers.rotatingTo("next"))).as("another key list that still has"
                + " the key opens it").isEqualTo(value);
        assertThat(GridCredentials.decode(stored, SessionSealer.withRandomKey())).as("a node without the key")
                .isNull();
        assertThat(GridCredentials.decode("{not json", Sealers.TEST)).isNull();
        assertThat(GridCredentials.decode("{}", Sealers.TEST)).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
