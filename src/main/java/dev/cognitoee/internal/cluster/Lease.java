package dev.cognitoee.internal.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "One call in flight cluster-wide" for one key: an entry in a {@link SharedMap} naming its owner and when it lapses.
 * Taken with {@code putIfAbsent}; a lapsed one (its holder died, or hangs past its bound) is taken over with an
 * atomic {@code replace} of exactly the value seen, so two nodes cannot both take it over. Released by its owner only
 * ({@code remove} of its own value). The map's own time to live removes a lease nobody released at the latest.
 *
 * <p>Lapse is judged on the module's clock of whoever looks: nodes' clocks must agree to well within the lease time
 * (NTP does).
 */
public final class Lease implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Lease.class.getName());

    private final SharedMap leases;
    private final String key;
    private final String value;

    private Lease(SharedMap leases, String key, String value) {
        this.leases = leases;
        this.key = key;
        this.value = value;
    }

    /**
     * The lease of {@code key} for {@code owner} until {@code now + time}, or null when another owner holds it and
     * it has not lapsed.
     *
     * @throws GridUnavailableException the grid did not answer
     */
    public static Lease tryAcquire(SharedMap leases, String key, String owner, Instant now, Duration time) {
        String mine = owner + "@" + now.plus(time).toEpochMilli();
        if (leases.putIfAbsent(key, mine)) {
            return new Lease(leases, key, mine);
        }
        String held = leases.get(key);
        if (held == null) { // released between the two calls: one more try, no loop
            return leases.putIfAbsent(key, mine) ? new Lease(leases, key, mine) : null;
        }
        if (lapsed(held, now) && leases.replace(key, held, mine)) {
            LOG.log(Level.FINE, "A lapsed lease was taken over (its holder did not finish within its time)");
            return new Lease(leases, key, mine);
        }
        return null;
    }

    /** Whether the lease {@code value} lapsed at {@code now}; an unreadable one counts as lapsed. */
    static boolean lapsed(String value, Instant now) {
        int at = value.lastIndexOf('@');
        try {
            return at < 0 || !now.isBefore(Instant.ofEpochMilli(Long.parseLong(value.substring(at + 1))));
        } catch (NumberFormatException unreadable) {
            return true;
        }
    }

    /** Releases the lease if it is still this one's; a grid failure is left to the lease's lapse. */
    @Override
    public void close() {
        try {
            leases.remove(key, value);
        } catch (GridUnavailableException e) {
            LOG.log(Level.FINE, "A lease could not be released; it lapses on its own", e);
        }
    }
}
