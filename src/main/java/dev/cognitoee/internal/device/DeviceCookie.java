package dev.cognitoee.internal.device;

import dev.cognitoee.internal.config.SameSite;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's side of a remembered device: a cookie holding an opaque random handle (256 bits), nothing else. The
 * device's keys and password stay on the server ({@link DeviceStore}). The cookie is {@code HttpOnly}, carries the
 * session cookie's {@code SameSite}, and is {@code Secure} when the request is (or {@code SameSite=None}). It is
 * written as a raw {@code Set-Cookie} header: Payara 6 (Servlet 6.0) drops a {@link Cookie}'s {@code SameSite}.
 */
public final class DeviceCookie {

    /** The cookie's name. */
    public static final String NAME = "COGNITOEE_DEVICE";

    /**
     * The request attribute under which the mechanism leaves the response of the request, so that a sign-in made
     * through {@code CognitoAuth} (which sees only the request) can set the cookie.
     */
    static final String RESPONSE = DeviceCookie.class.getName() + ".response";

    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceCookie() {
    }

    /** Keeps {@code response} with {@code request}, for a device cookie set later in the same request. */
    public static void holdResponse(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RESPONSE, response);
    }

    /** The handle the request's cookie carries, if it is one the module could have made. */
    static Optional<String> handle(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            String value = cookie.getValue() == null ? "" : unquoted(cookie.getValue());
            if (NAME.equals(cookie.getName()) && HANDLE.matcher(value).matches()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The value without the double quotes RFC 6265 allows around it. Payara 7 hands the quotes over as part of the
     * value (Payara 6 strips them); clients that send RFC 2965 cookies (the JDK's {@code CookieManager}, for a cookie
     * with {@code Max-Age}) quote it.
     */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** A new random handle. */
    static String newHandle() {
        byte[] handle = new byte[32];
        RANDOM.nextBytes(handle);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
    }

    /** Sets the cookie to {@code handle}; false when the request's response is not at hand. */
    static boolean set(HttpServletRequest request, String handle, SameSite sameSite) {
        return write(request, handle, LIFETIME.toSeconds(), sameSite);
    }

    /** Removes the cookie from the browser; false when the request's response is not at hand. */
    static boolean clear(HttpServletRequest request, SameSite sameSite) {
        return write(request, "", 0, sameSite);
    }

    /** True when a cookie can still be set in the response of {@code request}. */
    static boolean writable(HttpServletRequest request) {
        return request.getAttribute(RESPONSE) instanceof HttpServletResponse response && !response.isCommitted();
    }

    private static boolean write(HttpServletRequest request, String value, long maxAge, SameSite sameSite) {
        if (!writable(request)) {
            return false;
        }
        HttpServletResponse response = (HttpServletResponse) request.getAttribute(RESPONSE);
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        boolean secure = request.isSecure() || sameSite == SameSite.NONE;
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + "; HttpOnly" + (secure ? "; Secure" : "") + "; SameSite=" + sameSite.attributeValue());
        return true;
    }
}
