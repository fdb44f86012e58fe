package dev.cognitoee.it.cluster;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A session attribute that counts, on each node, how often Payara serializes it (to write it to the grid) and
 * deserializes it (to load the session from the grid). The application sets it once; afterwards, every count of
 * {@code probeWrites} ({@link CountersServlet}) is Payara writing the session's attributes to the grid on its own,
 * although nothing in the session changed.
 */
public final class GridWriteProbe implements Serializable {

    public static final String ATTRIBUTE = "test.gridWriteProbe";

    @Serial
    private static final long serialVersionUID = 1L;

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        SessionCounters.PROBE_WRITES.incrementAndGet();
        out.defaultWriteObject();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        SessionCounters.PROBE_READS.incrementAndGet();
    }
}
