package dev.cognitoee.internal.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One computation per key cluster-wide, its result handed to every node that wants it. A node first looks for a
 * usable result; else it takes the key's {@link Lease}, looks again (another holder may have finished just before),
 * computes, publishes the result and only then releases the lease, so whoever takes the lease next finds the result.
 * A node that does not get the lease polls for the result, and takes the lease over once it lapses (its holder died),
 * all within a bound. Call it from one thread per node and key (a per-node single-flight in front): the grid is
 * polled by one waiter per node, not by every request.
 */
public final class SharedSingleFlight {

    /** How often a waiter looks for the result or a lapsed lease. */
    static final Duration POLL = Duration.ofMillis(50);

    private final SharedMap results;
    private final SharedMap leases;
    private final String owner;
    private final Duration leaseTime;
    private final Clock clock;

    /**
     * @param results   where results are published (its time to live is how long they are handed out)
     * @param leases    where the leases are taken
     * @param owner     this node's name ({@link SharedState#node()})
     * @param leaseTime how long a computation may take; past it, its lease lapses and another node takes over
     * @param clock     the module's clock, judging the leases' lapse
     */
    public SharedSingleFlight(SharedMap results, SharedMap leases, String owner, Duration leaseTime, Clock clock) {
        this.results = results;
        this.leases = leases;
        this.owner = owner;
        this.leaseTime = leaseTime;
        this.clock = clock;
    }

    /** The result, and whether this node computed it (true) or was handed another node's (false). */
    public record Outcome(String value, boolean computedHere) {
    }

    /**
     * The result for {@code key}: a usable published one, else {@code compute}'s, run here if this node gets the
     * lease. {@code compute}'s exceptions pass through, after the lease is released and with nothing published.
     *
     * @param usable  whether a published result may be used (say, still fresh)
     * @param compute the computation; returns what to publish
     * @param reuse   false to skip results published before this call (a forced refresh); those published by a
     *                holder this call waited for are used all the same
     * @param bound   the longest this call waits for another node (the lease time plus the computation's own bound
     *                covers a holder that dies)
     * @throws GridUnavailableException the grid did not answer, or nothing came within {@code bound}
     */
    public Outcome run(String key, Predicate<String> usable, Supplier<String> compute, boolean reuse,
                       Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        String before = reuse ? null : results.get(key);
        while (true) {
            String published = results.get(key);
            if (published != null && !published.equals(before) && usable.test(published)) {
                return new Outcome(published, false);
            }
            try (Lease lease = Lease.tryAcquire(leases, key, owner, clock.instant(), leaseTime)) {
                if (lease != null) {
                    String latest = results.get(key); // a holder that finished just before we took the lease
                    if (latest != null && !latest.equals(before) && usable.test(latest)) {
                        return new Outcome(latest, false);
                    }
                    String value = compute.get();
                    results.put(key, value); // before the lease is released: the next holder must find it
                    return new Outcome(value, true);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new GridUnavailableException("Another node's computation did not finish within " + bound, null);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridUnavailableException("Interrupted while waiting for another node", e);
        }
    }
}
