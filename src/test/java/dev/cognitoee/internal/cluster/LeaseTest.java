package dev.cognitoee.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lease: one holder at a time, taken over only once lapsed, released only by its holder. */
class LeaseTest {

    private static final Duration TIME = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final SharedMap leases = TestGrids.inMemory().map("leases", TIME);

    @Test
    void aHeldLeaseIsRefusedToAnotherOwner() {
        Lease first = Lease.tryAcquire(leases, "k", "node-a", clock.instant(), TIME);

        assertThat(first).isNotNull();
        assertThat(Lease.tryAcquire(leases, "k", "node-b", clock.instant(), TIME)).isNull();
        assertThat(Lease.tryAcquire(leases, "k", "node-a", clock.instant(), TIME))
                .as("not even to the same node: a lease is per call, not per node").isNull();
        assertThat(Lease.tryAcquire(leases, "other", "node-b", clock.instant(), TIME)).as("another key").isNotNull();
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() {
        Lease first = Lease.tryAcquire(leases, "k", "node-a", clock.instant(), TIME);
        first.close();

        assertThat(leases.get("k")).isNull();
        assertThat(Lease.tryAcquire(leases, "k", "node-b", clock.instant(), TIME)).isNotNull();
    }

    @Test
    void theLeaseOfAHolderThatDiedIsTakenOverOnceItLapsedAndNotBefore() {
        Lease.tryAcquire(leases, "k", "node-a", clock.instant(), TIME); // node-a dies holding it

        clock.advance(TIME.minusMillis(1));
        assertThat(Lease.tryAcquire(leases, "k", "node-b", clock.instant(), TIME)).as("still held").isNull();

        clock.advance(Duration.ofMillis(1));
        Lease taken = Lease.tryAcquire(leases, "k", "node-b", clock.instant(), TIME);
        assertThat(taken).as("lapsed at its time").isNotNull();
        assertThat(Lease.tryAcquire(leases, "k", "node-c", clock.instant(), TIME))
                .as("the taken-over lease is held again, for its new time").isNull();
    }

    @Test
    void aLapsedHolderReleasingLateDoesNotReleaseItsSuccessorsLease() {
        Lease late = Lease.tryAcquire(leases, "k", "node-a", clock.instant(), TIME);
        clock.advance(TIME);
        Lease successor = Lease.tryAcquire(leases, "k", "node-b", clock.instant(), TIME);
        assertThat(successor).isNotNull();

        late.close();

        assertThat(leases.get("k")).as("node-b's lease").startsWith("node-b@");
        assertThat(Lease.tryAcquire(leases, "k", "node-c", clock.instant(), TIME)).isNull();
    }

    @Test
    void anUnreadableLeaseCountsAsLapsed() {
        assertThat(Lease.lapsed("garbage", clock.instant())).isTrue();
        assertThat(Lease.lapsed("node@notanumber", clock.instant())).isTrue();
        assertThat(Lease.lapsed("node@" + clock.instant().plusSeconds(1).toEpochMilli(), clock.instant())).isFalse();
    }

    @Test
    void releasingOnAFailedGridLeavesTheLeaseToLapse() {
        TestGrids.Breakable grid = TestGrids.breakable();
        SharedMap breakable = grid.map("leases", TIME);
        Lease lease = Lease.tryAcquire(breakable, "k", "node-a", clock.instant(), TIME);
        grid.breakDown();

        assertThatCode(lease::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> Lease.tryAcquire(breakable, "k", "node-b", clock.instant(), TIME))
                .as("a grid that cannot answer is never taken as a free lease")
                .isInstanceOf(GridUnavailableException.class);
    }
}
