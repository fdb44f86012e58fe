package dev.cognitoee.internal.cluster;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;

/**
 * Finds the server's JCache the way Payara offers it: the {@code javax.cache.CacheManager} bean of its CDI
 * integration. Never {@code Caching.getCachingProvider()}: on Payara Micro that returns Hazelcast's client
 * provider, which hangs looking for a cluster to connect to.
 *
 * <p>The lookup goes by the class's name and a {@link BeanManager}, so that nothing here links against
 * {@code javax.cache}: on a server without those classes the module deploys and runs per node.
 */
final class GridLookup {

    static final String CACHE_MANAGER = "javax.cache.CacheManager";

    private GridLookup() {
    }

    /** The grid, or null with the reason in {@code why}. */
    static Grid find(BeanManager beans, StringBuilder why) {
        Class<?> type;
        try {
            type = Class.forName(CACHE_MANAGER, false, GridLookup.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            why.append("the server has no JCache API (").append(CACHE_MANAGER).append(')');
            return null;
        }
        Set<Bean<?>> candidates = beans.getBeans(type);
        if (candidates.isEmpty()) {
            why.append("the server offers no JCache CacheManager to CDI");
            return null;
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(candidates);
        } catch (RuntimeException ambiguous) {
            bean = null;
        }
        if (bean == null) {
            why.append("several JCache CacheManager beans, none preferred");
            return null;
        }
        try {
            CreationalContext<?> context = beans.createCreationalContext(bean);
            Object manager = beans.getReference(bean, type, context);
            if (manager == null) {
                // Payara Micro with --nohazelcast: its producer has no cache manager to give.
                why.append("the server's JCache is turned off (Payara Micro --nohazelcast)");
                return null;
            }
            return JCacheGrid.of(manager);
        } catch (RuntimeException | LinkageError e) {
            why.append("the server's JCache CacheManager cannot be used (").append(e.getClass().getSimpleName())
                    .append(')');
            return null;
        }
    }
}
