package dev.cognitoee.internal.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import javax.cache.Caching;

/**
 * Grids for unit tests: Caffeine's in-memory JCache (a real JCache implementation: its {@code putIfAbsent},
 * {@code replace} and {@code remove} are atomic as Hazelcast's are), one cache manager per grid so that tests do not
 * share entries; and one that can be broken, failing every call as a grid that lost its members would.
 */
public final class TestGrids {

    private static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private TestGrids() {
    }

    /** An empty in-memory grid; every {@link SharedState} made on it is one node of the same cluster. */
    public static Grid inMemory() {
        return JCacheGrid.of(Caching.getCachingProvider(CAFFEINE)
                .getCacheManager(URI.create("test-grid-" + UUID.randomUUID()), TestGrids.class.getClassLoader()));
    }

    /** An in-memory grid that fails every call from {@link Breakable#breakDown()} on. */
    public static Breakable breakable() {
        return new Breakable(inMemory());
    }

    /** A grid that fails every call once broken, its maps included. */
    public static final class Breakable implements Grid {
        private final Grid grid;
        private volatile boolean broken;

        Breakable(Grid grid) {
            this.grid = grid;
        }

        /** Every call fails from now on. */
        public void breakDown() {
            broken = true;
        }

        @Override
        public SharedMap map(String name, Duration ttl) {
            SharedMap map = check(() -> grid.map(name, ttl));
            return new SharedMap() {
                @Override
                public String get(String key) {
                    return check(() -> map.get(key));
                }

                @Override
                public void put(String key, String value) {
                    check(() -> {
                        map.put(key, value);
                        return null;
                    });
                }

                @Override
                public void put(String key, String value, Duration entryTtl) {
                    check(() -> {
                        map.put(key, value, entryTtl);
                        return null;
                    });
                }

                @Override
                public boolean putIfAbsent(String key, String value) {
                    return check(() -> map.putIfAbsent(key, value));
                }

                @Override
                public boolean replace(String key, String expected, String value) {
                    return check(() -> map.replace(key, expected, value));
                }

                @Override
                public boolean remove(String key, String expected) {
                    return check(() -> map.remove(key, expected));
                }

                @Override
                public void remove(String key) {
                    check(() -> {
                        map.remove(key);
                        return null;
                    });
                }
            };
        }

        @Override
        public String description() {
            return "breakable " + grid.description();
        }

        private <T> T check(Supplier<T> call) {
            if (broken) {
                throw new GridUnavailableException("the grid lost its members", null);
            }
            return call.get();
        }
    }
}
