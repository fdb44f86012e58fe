package dev.cognitoee.internal.cluster;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * The {@link Grid} of a JCache {@link CacheManager} (on Payara, the one its CDI integration produces, backed by
 * Hazelcast). The only class of the module that names {@code javax.cache} types: it is loaded only once
 * {@link GridLookup} has seen that those classes exist, so the module deploys on a server without them.
 */
final class JCacheGrid implements Grid {

    private final CacheManager manager;

    private JCacheGrid(CacheManager manager) {
        this.manager = manager;
    }

    /** The grid of {@code cacheManager}, a {@link CacheManager}; typed {@code Object} so callers need no JCache. */
    static Grid of(Object cacheManager) {
        CacheManager manager = (CacheManager) cacheManager;
        if (manager.isClosed()) {
            throw new IllegalStateException("the JCache CacheManager is closed");
        }
        return new JCacheGrid(manager);
    }

    @Override
    public SharedMap map(String name, Duration ttl) {
        try {
            Cache<String, String> cache = manager.getCache(name);
            if (cache == null) {
                cache = create(name, ttl);
            }
            return new CacheMap(cache);
        } catch (CacheException | IllegalStateException e) {
            throw new GridUnavailableException("The grid cannot open the cache " + name, e);
        }
    }

    private Cache<String, String> create(String name, Duration ttl) {
        MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
                .setStoreByValue(true)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(jcache(ttl)));
        try {
            return manager.createCache(name, config);
        } catch (CacheException createdMeanwhile) { // another node (or thread) created it first: use that one
            Cache<String, String> cache = manager.getCache(name);
            if (cache == null) {
                throw createdMeanwhile;
            }
            return cache;
        }
    }

    @Override
    public String description() {
        return "JCache " + manager.getCachingProvider().getClass().getName();
    }

    private static javax.cache.expiry.Duration jcache(Duration ttl) {
        return new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, Math.max(1, ttl.toMillis()));
    }

    /** One JCache cache; its errors become {@link GridUnavailableException}. */
    private static final class CacheMap implements SharedMap {

        private final Cache<String, String> cache;
        private final Method putWithExpiry; // the provider's own put(key, value, ExpiryPolicy), or null

        CacheMap(Cache<String, String> cache) {
            this.cache = cache;
            this.putWithExpiry = putWithExpiry(cache);
        }

        /**
         * JCache sets expiry per cache only; Hazelcast's {@code ICache} (what Payara returns) adds
         * {@code put(key, value, ExpiryPolicy)}. Found by its signature so that the module needs no Hazelcast API.
         */
        private static Method putWithExpiry(Cache<String, String> cache) {
            try {
                Method method = cache.getClass().getMethod("put", Object.class, Object.class, ExpiryPolicy.class);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException | RuntimeException none) {
                return null;
            }
        }

        @Override
        public String get(String key) {
            try {
                return cache.get(key);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public void put(String key, String value) {
            try {
                cache.put(key, value);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            if (putWithExpiry == null) {
                put(key, value);
                return;
            }
            try {
                putWithExpiry.invoke(cache, key, value, new CreatedExpiryPolicy(jcache(ttl)));
            } catch (InvocationTargetException e) {
                throw unavailable(e.getCause());
            } catch (IllegalAccessException | RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public boolean putIfAbsent(String key, String value) {
            try {
                return cache.putIfAbsent(key, value);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public boolean replace(String key, String expected, String value) {
            try {
                return cache.replace(key, expected, value);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public boolean remove(String key, String expected) {
            try {
                return cache.remove(key, expected);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        @Override
        public void remove(String key) {
            try {
                cache.remove(key);
            } catch (RuntimeException e) {
                throw unavailable(e);
            }
        }

        private GridUnavailableException unavailable(Throwable e) {
            return new GridUnavailableException("The grid failed on cache " + cache.getName() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
