package dev.cognitoee.it.grid;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code GET /test-grid}: what this node holds in the data grid (unprotected; the test asks each node directly). A
 * package of its own, so that any test WAR can carry it.
 * <ul>
 *   <li>{@code maps}: every Hazelcast map of this member (Payara keeps the replicated HTTP sessions in one) with its
 *   local statistics: entries this member owns and their memory cost, and the same for the backups it keeps. Read
 *   from Payara's Hazelcast instance (JNDI {@code payara/Hazelcast}) by reflection, so that the WAR needs no
 *   Hazelcast API; {@code mapsUnavailable} says why when it cannot be had.</li>
 *   <li>{@code caches}: the module's JCache caches ({@code cognito-ee.*}), each with its entries and the UTF-8 bytes
 *   of their keys and values (the strings the module stores; Hazelcast adds its own per-entry overhead). A cache's
 *   iterator sees the whole cluster's entries, so one node's answer is the cluster's.</li>
 * </ul>
 */
@WebServlet("/test-grid")
public class GridFootprintServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String MAP_SERVICE = "hz:impl:mapService";
    private static final String MODULE_CACHES = "cognito-ee.";

    @Inject
    transient Instance<CacheManager> managers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObjectBuilder out = Json.createObjectBuilder().add("node", System.getProperty("cognitoee.node", "?"));
        try {
            out.add("maps", maps());
        } catch (NamingException | ReflectiveOperationException | RuntimeException e) {
            out.add("mapsUnavailable", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.add("caches", caches());
        response.setContentType("application/json");
        response.getWriter().print(out.build());
    }

    private static JsonArrayBuilder maps() throws NamingException, ReflectiveOperationException {
        Object hazelcast = new InitialContext().lookup("payara/Hazelcast");
        JsonArrayBuilder maps = Json.createArrayBuilder();
        for (Object object : (Collection<?>) call(hazelcast, "getDistributedObjects")) {
            if (!MAP_SERVICE.equals(call(object, "getServiceName"))) {
                continue;
            }
            Object stats = call(object, "getLocalMapStats");
            maps.add(Json.createObjectBuilder()
                    .add("name", (String) call(object, "getName"))
                    .add("ownedEntries", (Long) call(stats, "getOwnedEntryCount"))
                    .add("ownedBytes", (Long) call(stats, "getOwnedEntryMemoryCost"))
                    .add("backupEntries", (Long) call(stats, "getBackupEntryCount"))
                    .add("backupBytes", (Long) call(stats, "getBackupEntryMemoryCost")));
        }
        return maps;
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method found = target.getClass().getMethod(method);
        found.setAccessible(true); // Hazelcast's implementation classes need not be public
        try {
            return found.invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private JsonArrayBuilder caches() {
        JsonArrayBuilder caches = Json.createArrayBuilder();
        CacheManager manager = managers.isResolvable() ? managers.get() : null;
        if (manager == null) {
            return caches;
        }
        for (String name : manager.getCacheNames()) {
            if (!name.startsWith(MODULE_CACHES)) {
                continue;
            }
            long entries = 0;
            long keyBytes = 0;
            long valueBytes = 0;
            for (Cache.Entry<Object, Object> entry : manager.getCache(name)) {
                entries++;
                keyBytes += utf8(entry.getKey());
                valueBytes += utf8(entry.getValue());
            }
            caches.add(Json.createObjectBuilder()
                    .add("what", name.substring(name.indexOf('.', MODULE_CACHES.length()) + 1))
                    .add("entries", entries).add("keyBytes", keyBytes).add("valueBytes", valueBytes));
        }
        return caches;
    }

    private static int utf8(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8).length;
    }
}
