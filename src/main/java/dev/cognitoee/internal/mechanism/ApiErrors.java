package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.json.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The error answers (401, 403, 503) for API clients: a small JSON body {@code {"error": ..., "error_description":
 * ...}} with the codes of RFC 6750 (and RFC 6749's {@code temporarily_unavailable}) where one fits, instead of the
 * server's HTML error page. An API client is a request that carries a bearer token, or that accepts JSON and not
 * HTML; browsers keep the server's pages. Descriptions are fixed texts of the module: never a token, a name or
 * a message from elsewhere.
 */
final class ApiErrors {

    /** No credentials at all (RFC 6750 puts no error code in {@code WWW-Authenticate} then). */
    static final String UNAUTHORIZED = "unauthorized";
    /** RFC 6750: the token is malformed, expired, revoked or otherwise refused. */
    static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6750: the request itself is malformed (400). */
    static final String INVALID_REQUEST = "invalid_request";
    /** Authenticated, but not in a role the resource allows. */
    static final String FORBIDDEN = "forbidden";
    /** RFC 6749: the identity provider cannot be reached for now. */
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    static final String AUTHENTICATION_REQUIRED = "authentication is required: send a bearer token or sign in";
    static final String NOT_IN_ROLE = "the caller is not in a role this resource allows";
    static final String UNAVAILABLE = "the identity provider cannot be reached; try again shortly";

    private ApiErrors() {
    }

    /** Whether {@code request} comes from an API client rather than a browser. */
    static boolean wanted(HttpServletRequest request) {
        return wanted(request.getHeader("Accept"), request.getHeader("Authorization"));
    }

    /** Whether a request with these {@code Accept} and {@code Authorization} headers comes from an API client. */
    static boolean wanted(String accept, String authorization) {
        if (CognitoAuthenticationMechanism.isBearer(authorization)) {
            return true;
        }
        if (accept == null) {
            return false;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return (types.contains("application/json") || types.contains("+json")) && !types.contains("text/html");
    }

    /** The JSON body of an error. */
    static JsonObject body(String error, String description) {
        return JsonFactories.objectBuilder().add("error", error).add("error_description", description).build();
    }

    /**
     * Answers with {@code status} and the JSON body, committed at once so that the container cannot put its
     * error page in its place.
     */
    static void send(HttpServletResponse response, int status, String error, String description) {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getWriter().write(body(error, description).toString());
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away
        }
    }
}
