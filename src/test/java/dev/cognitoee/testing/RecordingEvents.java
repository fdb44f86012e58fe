package dev.cognitoee.testing;

import dev.cognitoee.internal.session.AuthEvents;
import java.util.ArrayList;
import java.util.List;

/** The module's event firing, recorded instead of sent to CDI observers. */
public final class RecordingEvents extends AuthEvents {

    private final List<Object> fired = new ArrayList<>();

    @Override
    public void fire(Object event) {
        fired.add(event);
    }

    /** Every event fired so far, in order. */
    public List<Object> fired() {
        return fired;
    }
}
