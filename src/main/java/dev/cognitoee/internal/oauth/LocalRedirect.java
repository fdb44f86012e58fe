package dev.cognitoee.internal.oauth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a browser may be sent back to after signing in: only a path of this application. The page remembered before
 * sign-in is the request URI the browser sent, which an attacker can shape: {@code //evil.example/} and
 * {@code /\evil.example/} are read by browsers as another host, and a scheme or a control character has no place in
 * a path. Anything that is not a plain path under the context path is replaced by the application's root. Used
 * after a form sign-in and after the hosted UI's callback.
 */
public final class LocalRedirect {

    private LocalRedirect() {
    }

    /** {@code target} when it is a path of the application at {@code contextPath}, otherwise its root. */
    public static String orRoot(String target, String contextPath) {
        return isLocalPath(target, contextPath) ? target : contextPath + "/";
    }

    /** Whether {@code target} is a path under {@code contextPath}, which a browser cannot read as another host. */
    public static boolean isLocalPath(String target, String contextPath) {
        if (target == null || target.length() < 1 || target.charAt(0) != '/') {
            return false;
        }
        if (target.length() > 1 && (target.charAt(1) == '/' || target.charAt(1) == '\\')) {
            return false; // a network-path reference: another host
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false; // CR/LF (header splitting), tabs browsers strip, backslashes browsers read as '/'
            }
        }
        try {
            URI uri = new URI(target);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return false;
            }
            String path = uri.getRawPath();
            return path.equals(contextPath) || path.startsWith(contextPath + "/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
