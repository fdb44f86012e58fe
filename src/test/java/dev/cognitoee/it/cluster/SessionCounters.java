package dev.cognitoee.it.cluster;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, on this node, the writes to the module's session attributes ({@code dev.cognitoee.*}) as the servlet
 * container reports them, split by who made them:
 * <ul>
 *   <li>{@code moduleWrites}: a {@code setAttribute}/{@code removeAttribute} called by the module's code. With Payara's
 *   {@code modified-attribute} persistence scope, these decide which attributes are written to the grid: Payara marks
 *   an attribute for writing on those calls and on nothing else (a {@code getAttribute} does not);</li>
 *   <li>{@code reloads}: Payara itself putting the attributes back into a session it loads from the grid (a node
 *   whose copy is older than the request's {@code JSESSIONIDVERSION}); not a write of the module.</li>
 * </ul>
 * Who made the call is read from the stack: the nearer of a module frame ({@code dev.cognitoee.internal}) and a frame
 * of Payara's session replication store (which loads sessions; the session class itself is not one of them).
 * Together with the {@link GridWriteProbe}, which counts what Payara actually writes.
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
