package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedSingleFlight;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.SessionSealer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The cluster-wide single-flight of refreshes: one Cognito call per session and access token in the whole cluster,
 * its tokens handed to the other nodes through the grid ({@link RefreshHandOff}).
 *
 * <p>Bounds: the node that takes a refresh holds its lease for {@link #leaseTime} (one Cognito call, retries
 * included, plus {@link #SLACK}); if that node dies, the lease lapses after it and a waiting node refreshes instead.
 * So no request waits longer than {@link #waitBound()} (lease time, then one more call), and nobody is signed out for
 * it. A hand-off stays in the grid {@link #HAND_OFF_TIME}, long enough for the refreshing node's session write to
 * reach the others.
 *
 * <p>When the grid fails, the refresh is refused as {@code SERVICE_UNAVAILABLE} (the tokens are kept) rather than
 * made on this node alone: with refresh-token rotation a second refresh would sign the user out.
 */
final class SharedRefresh {

    /** How long a hand-off is kept: far longer than a session write takes to reach the other nodes. */
    static final Duration HAND_OFF_TIME = Duration.ofMinutes(5);
    /** Time for the work around the Cognito call (the grid's own calls, scheduling). */
    static final Duration SLACK = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SharedRefresh.class.getName());

    private final SharedSingleFlight flight;
    private final SessionSealer sealer;
    private final Duration leaseTime;
    private final Duration waitBound;

    /** @param sealer seals the hand-off's tokens; every node needs the same key to open them */
    SharedRefresh(SharedState shared, SessionSealer sealer, CognitoConfig config, Clock clock) {
        Grid grid = shared.grid().orElseThrow();
        this.sealer = sealer;
        String[] application = {config.userPoolId(), String.join(",", config.clientIds())};
        this.leaseTime = config.callTimeout().plus(SLACK);
        this.waitBound = leaseTime.plus(config.callTimeout()).plus(SLACK);
        try {
            this.flight = new SharedSingleFlight(
                    grid.map(GridKeys.cacheName("refresh.results", application), HAND_OFF_TIME),
                    grid.map(GridKeys.cacheName("refresh.leases", application), leaseTime),
                    shared.node(), leaseTime, clock);
        } catch (GridUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** The tokens after the refresh, and whether this node made the Cognito call. */
    record Result(SessionTokens tokens, boolean computedHere) {
    }

    /**
     * Refreshes {@code tokens} of session {@code sessionId} with {@code askCognito}, unless another node has done it
     * or does it meanwhile: then its tokens.
     *
     * @throws CognitoAuthException {@code askCognito}'s; {@code SERVICE_UNAVAILABLE} when the grid fails or nothing
     *                              came within {@link #waitBound()}
     */
    Result refresh(String sessionId, SessionTokens tokens, Supplier<SessionTokens> askCognito) {
        try {
            SharedSingleFlight.Outcome outcome = flight.run(RefreshHandOff.key(sessionId, tokens.accessToken()),
                    value -> RefreshHandOff.decode(value, tokens, sealer) != null,
                    () -> RefreshHandOff.encode(askCognito.get(), sealer), true, waitBound);
            return new Result(RefreshHandOff.decode(outcome.value(), tokens, sealer), outcome.computedHere());
        } catch (GridUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** The longest a request waits for a refresh, another node's included. */
    Duration waitBound() {
        return waitBound;
    }

    private static CognitoAuthException unavailable(GridUnavailableException e) {
        LogMessage.GRID_UNAVAILABLE.log(LOG, "Refreshing a session''s tokens through the grid failed: {0}",
                e.getMessage());
        return new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                "The session's tokens cannot be refreshed now; try again shortly", e);
    }
}
