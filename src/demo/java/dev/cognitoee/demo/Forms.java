package dev.cognitoee.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Reading the demo's form fields. */
final class Forms {

    private Forms() {
    }

    /** The trimmed field, empty when missing: Cognito then answers INVALID_PARAMETER, shown as such. */
    static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    /** {@code value} for a query string. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
