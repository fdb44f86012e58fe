package dev.cognitoee.internal.cluster;

import java.time.Duration;

/** The cluster's shared caches: Payara's JCache, as the module uses it. */
public interface Grid {

    /**
     * The cluster-wide map {@code name}, created with time to live {@code ttl} by whichever node asks first (the
     * others get that one).
     */
    SharedMap map(String name, Duration ttl);

    /** What backs the grid, for the startup log line. */
    String description();
}
