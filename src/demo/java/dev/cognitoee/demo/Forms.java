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
        return secret(request, name).strip();
    }

    /** A password field as typed (spaces may belong to it), empty when missing. */
    static String secret(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** Whether the request is for the second page of a two-page form ({@code /signup/confirm}, ...). */
    static boolean isConfirmation(HttpServletRequest request) {
        return request.getServletPath().endsWith("/confirm");
    }

    /** {@code value} for a query string. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
