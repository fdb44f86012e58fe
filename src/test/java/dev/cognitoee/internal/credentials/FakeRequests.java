package dev.cognitoee.internal.credentials;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What CDI gives {@link CallerCredentials} in a container: a request and a {@link SecurityContext} that stand for
 * the current thread's request. Each test thread sets its own request with {@link #enter}; with none set, every
 * call fails, as it would outside a request (an {@code HttpSessionListener}).
 */
final class FakeRequests {

    /** One request: its session (or null), its {@code Authorization} header (or null), its caller (or null). */
    record Request(Session session, String authorization, JsonWebToken caller) {
    }

    private final ThreadLocal<Request> current = new ThreadLocal<>();

    void enter(Session session, String authorization, JsonWebToken caller) {
        current.set(new Request(session, authorization, caller));
    }

    void leave() {
        current.remove();
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    Request request = now();
                    return switch (method.getName()) {
                        case "getSession" -> {
                            boolean create = args == null || (Boolean) args[0];
                            if (request.session() == null || request.session().invalidated) {
                                if (create) {
                                    throw new UnsupportedOperationException("tests give requests their session");
                                }
                                yield null;
                            }
                            yield request.session().proxy();
                        }
                        case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0])
                                ? request.authorization() : null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    SecurityContext securityContext() {
        return (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> (Principal) now().caller();
                    case "getPrincipalsByType" -> now().caller() == null ? Set.of() : Set.of(now().caller());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Request now() {
        Request request = current.get();
        if (request == null) {
            throw new IllegalStateException("No request is active on this thread");
        }
        return request;
    }

    /** An HTTP session; after {@link #invalidate()}, reading or writing attributes throws as in a container. */
    static final class Session {
        final String id = UUID.randomUUID().toString();
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        volatile boolean invalidated;

        void invalidate() {
            invalidated = true;
            attributes.clear();
        }

        HttpSession proxy() {
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpSession.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getId")) {
                            return id; // Servlet: getId() does not throw on an invalidated session
                        }
                        if (invalidated) {
                            throw new IllegalStateException(method.getName() + ": session already invalidated");
                        }
                        return switch (method.getName()) {
                            case "getAttribute" -> attributes.get((String) args[0]);
                            case "setAttribute" -> attributes.put((String) args[0], args[1]);
                            case "removeAttribute" -> attributes.remove((String) args[0]);
                            case "invalidate" -> {
                                invalidate();
                                yield null;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    });
        }
    }
}
