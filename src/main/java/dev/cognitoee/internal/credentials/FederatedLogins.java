package dev.cognitoee.internal.credentials;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Map;

/**
 * Logins of other identity providers (Facebook, Google, an OIDC provider...) loaded for the session's user, kept
 * server-side in the HTTP session and added to the identity pool's {@code Logins} map.
 */
public final class FederatedLogins {

    static final String ATTRIBUTE = "dev.cognitoee.credentials.federatedLogins";

    private FederatedLogins() {
    }

    /** Adds (or replaces) the login of {@code providerName}, e.g. {@code accounts.google.com}, to the session. */
    public static void load(HttpServletRequest request, String providerName, String token) {
        HttpSession session = request.getSession(true);
        HashMap<String, String> logins = new HashMap<>(of(request));
        logins.put(providerName, token);
        session.setAttribute(ATTRIBUTE, logins);
    }

    /** The federated logins of the request's session (empty when none). */
    public static Map<String, String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Map.of() : of(session);
    }

    /** The federated logins of {@code session} (empty when none, or when the session is invalidated). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> of(HttpSession session) {
        Object logins;
        try {
            logins = session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return Map.of();
        }
        return logins == null ? Map.of() : Map.copyOf((Map<String, String>) logins);
    }
}
