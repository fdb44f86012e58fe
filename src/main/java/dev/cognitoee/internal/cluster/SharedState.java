package dev.cognitoee.internal.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's cluster-wide state, when the server has a data grid: Payara's JCache (found by {@link GridLookup}),
 * else nothing, and every user of it falls back to its per-node code. Looked up once, when the application starts,
 * and said in one INFO line.
 */
@ApplicationScoped
public class SharedState {

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());

    @Inject
    BeanManager beans;

    private Grid grid; // null: per node
    private final String node = UUID.randomUUID().toString();

    /** For CDI. */
    public SharedState() {
    }

    /** On {@code grid} (null: per node), for tests. */
    public SharedState(Grid grid) {
        this.grid = grid;
    }

    @PostConstruct
    void find() {
        StringBuilder why = new StringBuilder();
        grid = GridLookup.find(beans, why);
        if (grid != null) {
            LOG.log(Level.INFO, "Cognito EE keeps its refresh single-flight, credentials cache and revocation list"
                    + " cluster-wide, in the server''s JCache ({0})", grid.description());
        } else {
            LOG.log(Level.INFO, "Cognito EE keeps its refresh single-flight, credentials cache and revocation list"
                    + " per node: {0}", why);
        }
    }

    /** Looks the grid up (and logs which) as the application starts, not at the first request that needs it. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        grid();
    }

    /** The grid, or empty when the state is per node. */
    public Optional<Grid> grid() {
        return Optional.ofNullable(grid);
    }

    /** This node's name as a lease owner: random, one per application start. */
    public String node() {
        return node;
    }
}
