package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.json.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A sign-in posted to {@code j_security_check}: form fields {@code j_username} / {@code j_password}, or a JSON
 * body {@code {"username": ..., "password": ...}}.
 *
 * @param username the username, null when missing
 * @param password the password, null when missing
 * @param json     whether the client speaks JSON (and gets JSON back)
 */
record SignInRequest(String username, String password, boolean json) {

    static final String ACTION = "/j_security_check";
    private static final int MAX_JSON_BYTES = 16 * 1024;

    static boolean matches(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + ACTION);
    }

    /** Whether the client posts JSON (and gets JSON back). */
    static boolean wantsJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    static SignInRequest read(HttpServletRequest request) {
        if (!wantsJson(request)) {
            return new SignInRequest(blankToNull(request.getParameter("j_username")),
                    blankToNull(request.getParameter("j_password")), false);
        }
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                return new SignInRequest(null, null, true);
            }
            try (JsonReader reader = JsonFactories.reader(new String(bytes, StandardCharsets.UTF_8))) {
                JsonObject object = reader.readObject();
                return new SignInRequest(string(object, "username"), string(object, "password"), true);
            }
        } catch (IOException | RuntimeException e) {
            // Not only JsonException: Parsson (1.1.x, also inside Payara) refuses input nested deeper than its
            // limit with a bare RuntimeException. A malformed body all the same: the client's mistake, never a 500.
            return new SignInRequest(null, null, true);
        }
    }

    boolean complete() {
        return username != null && password != null;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? blankToNull(value.getString()) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SignInRequest[" + username + "]"; // never the password
    }
}
