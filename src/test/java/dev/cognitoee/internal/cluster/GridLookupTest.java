package dev.cognitoee.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

/**
 * How the module finds the server's JCache through CDI, and each way of not finding it, with the reason the startup
 * line gives. (A server without the {@code javax.cache} classes at all is the same code's first branch; the tests'
 * class path has them.)
 */
class GridLookupTest {

    private final Bean<?> cacheManagerBean = bean();

    /** A bean of which the lookup needs nothing but its identity. */
    private static Bean<?> bean() {
        return (Bean<?>) Proxy.newProxyInstance(GridLookupTest.class.getClassLoader(), new Class<?>[] {Bean.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "a CacheManager bean";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A bean manager offering {@code beans} for CacheManager, resolving to the one there is, giving {@code ref}. */
    private BeanManager beanManager(Set<Bean<?>> beans, Object reference) {
        return (BeanManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BeanManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBeans" -> {
                        assertThat(args[0]).isEqualTo(CacheManager.class);
                        yield beans;
                    }
                    case "resolve" -> beans.size() == 1 ? beans.iterator().next() : null;
                    case "createCreationalContext" -> null;
                    case "getReference" -> reference;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theServersCacheManagerBeanIsTheGrid() {
        CacheManager manager = Caching.getCachingProvider(
                "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider").getCacheManager();
        StringBuilder why = new StringBuilder();

        Grid grid = GridLookup.find(beanManager(Set.of(cacheManagerBean), manager), why);

        assertThat(grid).isNotNull();
        assertThat(grid.description()).contains("CaffeineCachingProvider");
        assertThat(why).isEmpty();
    }

    @Test
    void noCacheManagerBeanMeansPerNode() {
        StringBuilder why = new StringBuilder();

        assertThat(GridLookup.find(beanManager(Set.of(), null), why)).isNull();
        assertThat(why).hasToString("the server offers no JCache CacheManager to CDI");
    }

    @Test
    void aNullCacheManagerMeansPerNodeAsOnPayaraMicroWithoutHazelcast() {
        StringBuilder why = new StringBuilder();

        assertThat(GridLookup.find(beanManager(Set.of(cacheManagerBean), null), why)).isNull();
        assertThat(why.toString()).contains("turned off");
    }

    @Test
    void aClosedCacheManagerMeansPerNode() {
        CacheManager closed = Caching.getCachingProvider(
                "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
                .getCacheManager(java.net.URI.create("closed-" + System.nanoTime()), getClass().getClassLoader());
        closed.close();
        StringBuilder why = new StringBuilder();

        assertThat(GridLookup.find(beanManager(Set.of(cacheManagerBean), closed), why)).isNull();
        assertThat(why.toString()).contains("cannot be used");
    }

    @Test
    void severalCacheManagerBeansNonePreferredMeansPerNode() {
        Bean<?> another = bean();
        StringBuilder why = new StringBuilder();

        assertThat(GridLookup.find(beanManager(Set.of(cacheManagerBean, another), null), why)).isNull();
        assertThat(why.toString()).contains("several");
    }
}
