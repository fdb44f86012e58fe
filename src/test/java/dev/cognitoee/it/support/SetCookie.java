package dev.cognitoee.it.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One raw {@code Set-Cookie} header, read as the server wrote it (not as a browser or a cookie store reads it):
 * its name, value and attributes, attribute names in lower case, flags such as {@code HttpOnly} with an empty value.
 */
public record SetCookie(String header, String name, Map<String, String> attributes) {

    /** The {@code Set-Cookie} headers of {@code response} that set {@code cookieName}. */
    public static List<SetCookie> named(HttpResponse<?> response, String cookieName) {
        return response.headers().allValues("Set-Cookie").stream().map(SetCookie::parse)
                .filter(cookie -> cookie.name.equals(cookieName)).toList();
    }

    /** The one {@code Set-Cookie} header of {@code response} that sets the session cookie, JSESSIONID. */
    public static SetCookie session(HttpResponse<?> response) {
        List<SetCookie> cookies = named(response, "JSESSIONID");
        if (cookies.size() != 1) {
            throw new AssertionError("expected one Set-Cookie for JSESSIONID, got "
                    + response.headers().allValues("Set-Cookie"));
        }
        return cookies.get(0);
    }

    static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String name = parts[0].contains("=") ? parts[0].substring(0, parts[0].indexOf('=')).trim() : parts[0].trim();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            attributes.put((equals < 0 ? part : part.substring(0, equals)).trim().toLowerCase(Locale.ROOT),
                    equals < 0 ? "" : part.substring(equals + 1).trim());
        }
        return new SetCookie(header, name, Map.copyOf(attributes));
    }

    /** The value of attribute {@code name} (any case), or null when the header lacks it. */
    public String attribute(String name) {
        return attributes.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean has(String flag) {
        return attributes.containsKey(flag.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return header;
    }
}
