package dev.cognitoee.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A servlet request with an in-memory session, for unit tests of code that only keeps state in the HTTP session
 * (getSession, changeSessionId, attributes, invalidate). As in a servlet container, an invalidated session throws
 * {@link IllegalStateException} on every attribute call, and {@code getSession(true)} then makes a new one. Request
 * headers, cookies, method, URI and context path can be set, request attributes kept; anything else it is asked
 * throws.
 */
public final class FakeHttp {

    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final Map<String, Object> requestAttributes = new ConcurrentHashMap<>();
    private final List<Cookie> cookies = new CopyOnWriteArrayList<>();
    private volatile State current;
    private String method = "GET";
    private String contextPath = "";
    private String requestUri = "/";
    private String scheme = "http";
    private String serverName = "localhost";
    private int serverPort = 8080;

    /** One session's state: shared by every proxy handed out for it, so that invalidation is seen by all. */
    private static final class State {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        volatile String id = UUID.randomUUID().toString();
        volatile boolean invalidated;
    }

    public HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getSession" -> session(args == null || (Boolean) args[0]);
                    case "changeSessionId" -> {
                        State state = live();
                        if (state == null) {
                            throw new IllegalStateException("no session");
                        }
                        state.id = UUID.randomUUID().toString();
                        yield state.id;
                    }
                    case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                    case "getMethod" -> method;
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> requestUri;
                    case "getScheme" -> scheme;
                    case "getServerName" -> serverName;
                    case "getServerPort" -> serverPort;
                    case "isSecure" -> "https".equals(scheme);
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                    case "getAttribute" -> requestAttributes.get((String) args[0]);
                    case "setAttribute" -> {
                        requestAttributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Adds a cookie the browser sends. */
    public FakeHttp cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    /** Sets a request header (names are case-insensitive, as in HTTP). */
    public FakeHttp header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    /** Sets the request line: method, context path and URI. */
    public FakeHttp requestLine(String newMethod, String newContextPath, String newRequestUri) {
        method = newMethod;
        contextPath = newContextPath;
        requestUri = newRequestUri;
        return this;
    }

    /** Sets where the request was addressed: scheme, host and port. */
    public FakeHttp server(String newScheme, String newServerName, int newServerPort) {
        scheme = newScheme;
        serverName = newServerName;
        serverPort = newServerPort;
        return this;
    }

    /** The current session id, null when no live session exists. */
    public String sessionId() {
        State state = live();
        return state == null ? null : state.id;
    }

    /** An attribute of the current live session, null when there is none. */
    public Object attribute(String name) {
        State state = live();
        return state == null ? null : state.attributes.get(name);
    }

    /** Invalidates the current session from outside, as a concurrent request (a sign-out) would. */
    public void invalidateFromAnotherRequest() {
        State state = live();
        if (state != null) {
            state.invalidated = true;
        }
    }

    private State live() {
        State state = current;
        return state == null || state.invalidated ? null : state;
    }

    private synchronized HttpSession session(boolean create) {
        State state = live();
        if (state == null) {
            if (!create) {
                return null;
            }
            state = new State();
            current = state;
        }
        State mine = state;
        return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("getId")) {
                        return mine.id;
                    }
                    if (mine.invalidated) {
                        throw new IllegalStateException(m.getName() + ": the session is invalidated");
                    }
                    return switch (m.getName()) {
                        case "getAttribute" -> mine.attributes.get((String) args[0]);
                        case "setAttribute" -> mine.attributes.put((String) args[0], args[1]);
                        case "removeAttribute" -> mine.attributes.remove((String) args[0]);
                        case "invalidate" -> {
                            mine.invalidated = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    };
                });
    }
}
