package dev.cognitoee.it.shared;

import dev.cognitoee.AuthSession;
import dev.cognitoee.CognitoAuth;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.ExpiryPolicy;

/**
 * What the module keeps in the server's JCache, seen from the application through the same CDI bean Payara gives
 * every application ({@code @Inject CacheManager}): the module's caches and how many entries each holds (never
 * their values). Empty when the server has no JCache (Payara Micro with {@code --nohazelcast}). Also the session's
 * tokens, so that the test can read their expiry: a real application never hands them out.
 */
@Path("grid")
@Produces(MediaType.APPLICATION_JSON)
public class GridResource {

    private static final String PREFIX = "cognito-ee.";

    @Inject
    Instance<CacheManager> managers;

    @Inject
    CognitoAuth auth;

    /** The module's caches, by what they hold ({@code credentials}, {@code refresh.results}...), with their sizes. */
    @GET
    public JsonObject caches() {
        JsonObjectBuilder caches = Json.createObjectBuilder();
        CacheManager manager = managers.isResolvable() ? managers.get() : null;
        if (manager != null) {
            for (String name : manager.getCacheNames()) {
                if (name.startsWith(PREFIX)) {
                    Cache<Object, Object> cache = manager.getCache(name);
                    int entries = 0;
                    for (Cache.Entry<Object, Object> ignored : cache) {
                        entries++;
                    }
                    // cognito-ee.<application digest>.<what>
                    caches.add(name.substring(name.indexOf('.', PREFIX.length()) + 1), entries);
                }
            }
        }
        return caches.build();
    }

    /**
     * What one read of the module's revocation list in the grid costs here: the mean of {@code reads} lookups of
     * absent keys (the common case: a token nobody revoked), after as many to warm up. Through the same injected
     * {@code CacheManager} and the same {@code Cache.get} as the module's lookup.
     */
    @GET
    @Path("read-cost")
    public JsonObject readCost(@QueryParam("reads") @DefaultValue("20000") int reads) {
        CacheManager manager = managers.get();
        String revoked = null;
        for (String name : manager.getCacheNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(".revoked")) {
                revoked = name;
            }
        }
        Cache<Object, Object> cache = manager.getCache(revoked);
        long absent = 0;
        for (int i = 0; i < reads; i++) {
            absent += cache.get("warm-up-" + i) == null ? 1 : 0;
        }
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            absent += cache.get(UUID.randomUUID().toString()) == null ? 1 : 0;
        }
        long nanos = System.nanoTime() - start;
        return Json.createObjectBuilder().add("cache", revoked).add("reads", reads).add("absent", absent)
                .add("nanosPerRead", nanos / reads).add("perEntryExpiry", perEntryExpiry(cache)).build();
    }

    /** Whether the cache has the per-entry expiry put the module looks for (Hazelcast's ICache has). */
    private static boolean perEntryExpiry(Cache<Object, Object> cache) {
        try {
            cache.getClass().getMethod("put", Object.class, Object.class, ExpiryPolicy.class);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    @GET
    @Path("tokens")
    public JsonObject tokens() {
        AuthSession session = auth.fetchAuthSession();
        return Json.createObjectBuilder().add("idToken", session.idToken()).add("accessToken", session.accessToken())
                .build();
    }
}
