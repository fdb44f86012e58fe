package dev.cognitoee.internal.credentials;

import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedMap;
import dev.cognitoee.internal.cluster.SharedSingleFlight;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.internal.seal.SessionSealer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The credentials cache of the whole cluster: one fetch per caller per credentials lifetime, whichever node the
 * caller's requests reach. It sits behind {@link CredentialsCache}, which keeps answering from its own memory and
 * asks this only on a miss: a plain request with fresh credentials on this node touches no grid.
 *
 * <p>Bounds: the node that fetches holds the caller's lease for {@code fetchBound} (a fetch's own bound); if it dies,
 * the lease lapses and a waiting node fetches instead, so no request waits longer than {@link #waitBound()}.
 *
 * <p>When the grid fails, this node fetches for itself: that costs a call, it does not hand anyone the wrong
 * credentials.
 */
final class SharedCredentials {

    private static final Logger LOG = Logger.getLogger(SharedCredentials.class.getName());
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final SharedMap results;
    private final SharedSingleFlight flight;
    private final SessionSealer sealer;
    private final Clock clock;
    private final Duration waitBound;

    /**
     * @param application what makes a cache key mean the same caller on every node (the pools, the provider)
     * @param fetchBound  the longest one fetch may take
     */
    SharedCredentials(SharedState shared, SessionSealer sealer, Clock clock, Duration fetchBound,
                      String... application) {
        Grid grid = shared.grid().orElseThrow();
        Duration leaseTime = fetchBound.plus(SLACK);
        this.sealer = sealer;
        this.clock = clock;
        this.waitBound = leaseTime.plus(fetchBound).plus(SLACK);
        this.results = grid.map(GridKeys.cacheName("credentials", application),
                CredentialsLifetime.MAX_FRESH.plus(CredentialsLifetime.MAX_REFRESH_MARGIN));
        this.flight = new SharedSingleFlight(results,
                grid.map(GridKeys.cacheName("credentials.leases", application), leaseTime),
                shared.node(), leaseTime, clock);
    }

    /**
     * The credentials of {@code cacheKey}: fresh ones another node published (unless {@code forceRefresh}), else
     * {@code fetch}'s, called here if this node gets the caller's lease, and published for the others.
     *
     * @param fetch the fetch, returning checked credentials
     */
    CredentialsAndIdentityId get(String cacheKey, boolean forceRefresh, Supplier<CredentialsAndIdentityId> fetch) {
        try {
            SharedSingleFlight.Outcome outcome = flight.run(key(cacheKey), this::fresh, () -> {
                CredentialsAndIdentityId fetched = fetch.get();
                return GridCredentials.of(fetched, clock.instant()
                        .plus(CredentialsLifetime.freshFor(fetched, clock.instant()))).encode(sealer);
            }, !forceRefresh, waitBound);
            return GridCredentials.decode(outcome.value(), sealer).credentials();
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid failed ({0}); this node fetches the caller''s credentials"
                    + " itself", e.getMessage());
            return fetch.get();
        }
    }

    /** Forgets {@code cacheKey}'s credentials cluster-wide (a sign-out); a grid failure leaves them to lapse. */
    void forget(String cacheKey) {
        try {
            results.remove(key(cacheKey));
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid failed ({0}); a caller''s credentials stay in it until"
                    + " they lapse", e.getMessage());
        }
    }

    /** The longest a request waits for a fetch, another node's included. */
    Duration waitBound() {
        return waitBound;
    }

    private boolean fresh(String value) {
        GridCredentials credentials = GridCredentials.decode(value, sealer);
        return credentials != null && clock.instant().isBefore(credentials.freshUntil());
    }

    private static String key(String cacheKey) {
        return GridKeys.digest("credentials", cacheKey);
    }
}
