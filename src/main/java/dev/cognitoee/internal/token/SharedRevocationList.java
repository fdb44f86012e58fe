package dev.cognitoee.internal.token;

import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedMap;
import dev.cognitoee.internal.log.LogMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The revocation list of the whole cluster: each revoked session is an entry of the grid, lapsing at the
 * {@code until} of its tokens. A sign-out on one node is refused on every node from the moment it returns: each
 * lookup that this node does not already know as revoked reads the grid (a grid read per checked token, the price
 * of that bound; see docs/RELIABILITY.md). What this node learnt is revoked it keeps in its own
 * {@link InMemoryRevocationList}: a revocation is never undone, so that copy cannot go stale.
 *
 * <p>When the grid cannot answer, a lookup fails ({@link GridUnavailableException}, answered 503 by the verifier's
 * callers), never "not revoked"; a revocation the grid cannot take is kept on this node and logged.
 */
public final class SharedRevocationList implements RevocationList {

    /** The longest a Cognito access or id token lives (a day), plus room for the clock skew. */
    static final Duration LONGEST_ENTRY = Duration.ofHours(25);

    private static final Logger LOG = Logger.getLogger(SharedRevocationList.class.getName());

    private final SharedMap revoked;
    private final InMemoryRevocationList known;
    private final Clock clock;

    private SharedRevocationList(SharedMap revoked, InMemoryRevocationList known, Clock clock) {
        this.revoked = revoked;
        this.known = known;
        this.clock = clock;
    }

    /**
     * The revocation list in {@code grid}, for the application identified by {@code application} (its pool and
     * clients).
     *
     * @throws GridUnavailableException the grid cannot open its cache
     */
    public static SharedRevocationList in(Grid grid, Clock clock, String... application) {
        return new SharedRevocationList(grid.map(GridKeys.cacheName("revoked", application), LONGEST_ENTRY),
                new InMemoryRevocationList(InMemoryRevocationList.DEFAULT_MAX_ENTRIES, clock), clock);
    }

    @Override
    public void revoke(String id, Instant until) {
        known.revoke(id, until);
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return;
        }
        try {
            Instant previous = untilOf(revoked.get(id));
            if (previous == null || until.isAfter(previous)) { // a later until wins, as in the local list
                revoked.put(id, Long.toString(until.toEpochMilli()), Duration.between(now, until));
            }
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "A revoked session could not be recorded in the grid ({0}): its"
                    + " tokens are refused on this node only", e.getMessage());
        }
    }

    /** @throws GridUnavailableException the grid cannot answer: the token cannot be judged now */
    @Override
    public boolean isRevoked(String id) {
        if (known.isRevoked(id)) {
            return true;
        }
        Instant until = untilOf(revoked.get(id));
        if (until == null || !clock.instant().isBefore(until)) {
            return false;
        }
        known.revoke(id, until); // from now on a local lookup
        return true;
    }

    private static Instant untilOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException unreadable) {
            return Instant.MAX; // not ours to read: refuse rather than accept
        }
    }
}
