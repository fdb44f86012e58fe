package dev.cognitoee.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A servlet request with an in-memory session, for unit tests of code that only keeps state in the HTTP session
 * (getSession, changeSessionId, attributes, invalidate). Anything else it is asked throws.
 */
public final class FakeHttp {

    private final Map<String, Object> attributes = new HashMap<>();
    private final AtomicReference<String> sessionId = new AtomicReference<>();
    private boolean invalidated;

    public HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> session(args == null || (Boolean) args[0]);
                    case "changeSessionId" -> {
                        sessionId.set(UUID.randomUUID().toString());
                        yield sessionId.get();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The current session id, null when no session exists. */
    public String sessionId() {
        return sessionId.get();
    }

    public Object attribute(String name) {
        return attributes.get(name);
    }

    private HttpSession session(boolean create) {
        if (sessionId.get() == null || invalidated) {
            if (!create) {
                return null;
            }
            attributes.clear();
            invalidated = false;
            sessionId.set(UUID.randomUUID().toString());
        }
        return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> sessionId.get();
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "invalidate" -> {
                        invalidated = true;
                        attributes.clear();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
