package dev.cognitoee.it.cluster;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, on this node, the writes to the module's session attributes ({@code dev.cognitoee.*}) as the servlet
 * container reports them, split by who made them:
 * <ul>
 *   <li>{@code moduleWrites}: a {@code setAttribute}/{@code removeAttribute} called by the module's code: a change
 *   of the session's state, which the module must make only at sign-in, at a token refresh and at sign-out;</li>
 *   <li>{@code reloads}: Payara itself putting attributes back into a session it loads from the grid, which its
 *   {@code modified-attribute} persistence scope does; not a write of the module.</li>
 * </ul>
 * Who made the call is read from the stack: the nearer of a module frame ({@code dev.cognitoee.internal}) and a frame
 * of Payara's session replication store (which loads sessions; the session class itself is not one of them). What
 * Payara then writes to the grid, changed or not, the {@link GridWriteProbe} counts.
 */
@WebListener
public class SessionCounters implements HttpSessionAttributeListener {

    static final AtomicLong MODULE_WRITES = new AtomicLong();
    static final AtomicLong RELOADS = new AtomicLong();
    static final AtomicLong PROBE_WRITES = new AtomicLong();
    static final AtomicLong PROBE_READS = new AtomicLong();

    private static final String MODULE_ATTRIBUTES = "dev.cognitoee.";
    private static final String MODULE_CODE = "dev.cognitoee.internal.";
    private static final String REPLICATION_STORE = "org.glassfish.web.ha.session.management.Replication";

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        count(event);
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        count(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        count(event);
    }

    private static void count(HttpSessionBindingEvent event) {
        if (event.getName().startsWith(MODULE_ATTRIBUTES)) {
            (calledByTheModule() ? MODULE_WRITES : RELOADS).incrementAndGet();
        }
    }

    private static boolean calledByTheModule() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.startsWith(MODULE_CODE) || name.startsWith(REPLICATION_STORE))
                .findFirst()
                .map(name -> name.startsWith(MODULE_CODE))
                .orElse(false));
    }
}
