package dev.cognitoee.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * One computation per key over several nodes (here: several {@link SharedSingleFlight}s with their own owner names
 * on one in-memory grid), its result handed to the others; a dead holder's lease taken over; every path releasing.
 */
class SharedSingleFlightTest {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final Grid grid = TestGrids.inMemory();
    private final SharedMap results = grid.map("results", Duration.ofMinutes(5));
    private final SharedMap leases = grid.map("leases", LEASE);
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private SharedSingleFlight node(String name) {
        return new SharedSingleFlight(results, leases, name, LEASE, clock);
    }

    @Test
    void concurrentCallsOnThreeNodesComputeOnceAndAllGetTheResult() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<SharedSingleFlight.Outcome>> outcomes = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            SharedSingleFlight node = node(name);
            outcomes.add(threads.submit(() -> {
                allAsking.countDown();
                return node.run("session-1", v -> true, () -> {
                    computations.incrementAndGet();
                    await(release); // held until every node is waiting for it
                    return "tokens-2";
                }, true, BOUND);
            }));
        }
        assertThat(allAsking.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // lets the other two nodes reach their poll; the result must not depend on it
        release.countDown();

        List<SharedSingleFlight.Outcome> all = new ArrayList<>();
        for (Future<SharedSingleFlight.Outcome> outcome : outcomes) {
            all.add(outcome.get(10, TimeUnit.SECONDS));
        }
        assertThat(computations).hasValue(1);
        assertThat(all).extracting(SharedSingleFlight.Outcome::value).containsOnly("tokens-2");
        assertThat(all).filteredOn(SharedSingleFlight.Outcome::computedHere).hasSize(1);
        assertThat(leases.get("session-1")).as("released").isNull();
    }

    @Test
    void aPublishedResultIsUsedWithoutComputingOrTakingTheLease() {
        results.put("k", "published");

        SharedSingleFlight.Outcome outcome = node("b").run("k", v -> true, () -> {
            throw new AssertionError("must not compute");
        }, true, BOUND);

        assertThat(outcome).isEqualTo(new SharedSingleFlight.Outcome("published", false));
        assertThat(leases.get("k")).isNull();
    }

    @Test
    void anUnusablePublishedResultIsComputedAgain() {
        results.put("k", "stale");

        SharedSingleFlight.Outcome outcome = node("b").run("k", "fresh"::equals, () -> "fresh", true, BOUND);

        assertThat(outcome).isEqualTo(new SharedSingleFlight.Outcome("fresh", true));
        assertThat(results.get("k")).isEqualTo("fresh");
    }

    @Test
    void aForcedCallIgnoresWhatWasPublishedBeforeIt() {
        results.put("k", "old");

        SharedSingleFlight.Outcome outcome = node("b").run("k", v -> true, () -> "new", false, BOUND);

        assertThat(outcome).isEqualTo(new SharedSingleFlight.Outcome("new", true));
    }

    @Test
    void whenTheHolderDiesAWaitingNodeTakesOverOnceTheLeaseLapses() throws Exception {
        assertThat(Lease.tryAcquire(leases, "k", "dead-node", clock.instant(), LEASE)).isNotNull(); // never released
        AtomicInteger computations = new AtomicInteger();

        Future<SharedSingleFlight.Outcome> waiter = threads.submit(() -> node("b").run("k", v -> true, () -> {
            computations.incrementAndGet();
            return "taken-over";
        }, true, BOUND));
        Thread.sleep(200);
        assertThat(waiter.isDone()).as("waits while the lease holds").isFalse();

        clock.advance(LEASE);

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo(new SharedSingleFlight.Outcome("taken-over", true));
        assertThat(computations).hasValue(1);
        assertThat(leases.get("k")).isNull();
    }

    @Test
    void aFailedComputationReleasesTheLeaseAndPublishesNothing() {
        assertThatThrownBy(() -> node("a").run("k", v -> true, () -> {
            throw new IllegalStateException("Cognito refused");
        }, true, BOUND)).isInstanceOf(IllegalStateException.class).hasMessage("Cognito refused");

        assertThat(leases.get("k")).isNull();
        assertThat(results.get("k")).isNull();
        assertThat(node("b").run("k", v -> true, () -> "second try", true, BOUND).value())
                .as("the next node may try at once").isEqualTo("second try");
    }

    @Test
    void aWaiterGivesUpAtItsBoundWhenTheHolderNeitherFinishesNorLapses() {
        Lease.tryAcquire(leases, "k", "slow-node", clock.instant(), LEASE);
        long start = System.nanoTime();

        assertThatThrownBy(() -> node("b").run("k", v -> true, () -> "never", true, Duration.ofMillis(300)))
                .isInstanceOf(GridUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(3));
    }

    @Test
    void aFailedGridFailsTheCallInsteadOfComputingUnguarded() {
        TestGrids.Breakable broken = TestGrids.breakable();
        SharedSingleFlight node = new SharedSingleFlight(broken.map("r", LEASE), broken.map("l", LEASE), "a", LEASE,
                clock);
        broken.breakDown();
        AtomicInteger computations = new AtomicInteger();

        assertThatThrownBy(() -> node.run("k", v -> true, () -> "x" + computations.incrementAndGet(), true, BOUND))
                .isInstanceOf(GridUnavailableException.class);
        assertThat(computations).hasValue(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
