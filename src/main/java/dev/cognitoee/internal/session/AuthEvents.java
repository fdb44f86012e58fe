package dev.cognitoee.internal.session;

import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Fires the module's events, synchronously ({@code @Observes}) and asynchronously ({@code @ObservesAsync}), and
 * counts the sign-ins and refreshes they report ({@link Metrics}). An observer that throws is logged and does not
 * undo or break the operation that fired the event.
 */
@ApplicationScoped
public class AuthEvents {

    private static final Logger LOG = Logger.getLogger(AuthEvents.class.getName());

    @Inject
    Event<Object> events;

    /** Fires {@code event} to synchronous and asynchronous observers. */
    public void fire(Object event) {
        Metrics.count(event);
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LogMessage.EVENT_OBSERVER_FAILED.log(LOG, "An observer of {0} failed: {1}",
                    event.getClass().getSimpleName(), e.toString());
        }
        events.fireAsync(event).exceptionally(e -> {
            LogMessage.EVENT_OBSERVER_FAILED.log(LOG, "An asynchronous observer of {0} failed: {1}",
                    event.getClass().getSimpleName(), e.toString());
            return null;
        });
    }
}
