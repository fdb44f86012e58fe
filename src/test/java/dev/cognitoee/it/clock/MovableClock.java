package dev.cognitoee.it.clock;

import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.internal.time.ReplacesModuleClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A stand-in for the passing of time, deployed in a test WAR: the module's clock (it replaces it), the system's
 * clock moved ahead by what the test asks, so that tokens and credentials reach their expiry without the test
 * waiting for it.
 *
 * <p>The emulator mints tokens on real time: once the module has refreshed a session, the new tokens would look as
 * old as the clock was moved, and be due again at once. So a refresh puts the clock back on real time, as if the
 * emulator had lived through the same jump.
 */
@ApplicationScoped
@ReplacesModuleClock
public class MovableClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private volatile Duration ahead = Duration.ZERO;

    /** Moves the clock so that it reads {@code moment} now, and runs on from there. */
    void moveTo(Instant moment) {
        ahead = Duration.between(system.instant(), moment);
    }

    /** Back on real time. */
    void reset() {
        ahead = Duration.ZERO;
    }

    void backToRealTimeAfterARefresh(@Observes TokenRefreshed refreshed) {
        reset();
    }

    @Override
    public Instant instant() {
        return system.instant().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the module reads instants only
    }
}
