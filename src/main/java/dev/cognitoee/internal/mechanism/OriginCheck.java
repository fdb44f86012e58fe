package dev.cognitoee.internal.mechanism;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * Whether a state-changing request (a sign-in post) comes from a page of this application or of an origin the
 * application trusts ({@code cognito.allowed-origins}): the defence against login CSRF, where another site's page
 * posts the attacker's credentials and signs the victim's browser in as the attacker.
 *
 * <p>The browser's own word is used, in this order: {@code Origin} (sent by every current browser on a POST),
 * then {@code Referer}, then {@code Sec-Fetch-Site}. A request with none of them is not from a browser's
 * cross-site form or script, and is let through (an API client, curl). {@code Origin: null} (a sandboxed or
 * privacy-hidden origin) is refused, as is a {@code Sec-Fetch-Site} of {@code same-site} (a sibling subdomain is
 * another origin).
 */
final class OriginCheck {

    private OriginCheck() {
    }

    /**
     * Why the request must be refused, or null when it may go on.
     *
     * @param allowedOrigins other origins that may post, lower case, as {@code scheme://host[:port]}
     */
    static String refusal(HttpServletRequest request, Collection<String> allowedOrigins) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return trusted(normalize(origin), request, allowedOrigins) ? null : "posted from another origin";
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return trusted(normalize(referer), request, allowedOrigins) ? null : "posted from another origin";
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "posted from another site";
        }
        return null;
    }

    private static boolean trusted(String origin, HttpServletRequest request, Collection<String> allowedOrigins) {
        if (origin == null) {
            return false;
        }
        if (origin.equals(normalize(request.getScheme(), request.getServerName(), request.getServerPort()))) {
            return true;
        }
        for (String allowed : allowedOrigins) {
            if (origin.equals(normalize(allowed))) {
                return true;
            }
        }
        return false;
    }

    /** {@code scheme://host:port} of a URL or origin, with the port always written; null when it has none. */
    static String normalize(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null; // "null", a relative reference, garbage
            }
            return normalize(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normalize(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int effectivePort = port >= 0 ? port : "https".equals(lowerScheme) ? 443 : "http".equals(lowerScheme) ? 80 : -1;
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + effectivePort;
    }
}
