package dev.cognitoee.internal.session;

import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.token.TokenRevocations;
import java.time.Clock;

/** The session package's beans wired by hand, as CDI would. */
final class SessionBeans {

    private SessionBeans() {
    }

    static UnreadableSessions unreadableSessions(SessionSealer sealer, AuthEvents events,
                                                 TokenRevocations revocations, Clock clock) {
        UnreadableSessions unreadable = new UnreadableSessions();
        unreadable.sealer = sealer;
        unreadable.events = events;
        unreadable.revocations = revocations;
        unreadable.clock = clock;
        return unreadable;
    }
}
