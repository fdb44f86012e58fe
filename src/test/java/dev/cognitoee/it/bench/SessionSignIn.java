package dev.cognitoee.it.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Signs a user in through the module's {@code j_security_check} (JSON), for a benchmark that needs sessions. */
final class SessionSignIn {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SessionSignIn() {
    }

    /**
     * Signs {@code user} in at {@code base} and returns the new session's cookies as a {@code Cookie} header sends
     * them: {@code JSESSIONID=...}, and {@code JSESSIONIDVERSION=...} when Payara set one (a distributable
     * application; Payara does not find the session of a request without it).
     */
    static String session(URL base, String user, String password) {
        String body = Json.createObjectBuilder().add("username", user).add("password", password).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Sign-in failed at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed at " + base + ": " + response.statusCode() + " "
                    + response.body());
        }
        String session = cookie(response, "JSESSIONID");
        if (session == null) {
            throw new IllegalStateException("The sign-in set no JSESSIONID cookie at " + base);
        }
        String version = cookie(response, "JSESSIONIDVERSION");
        return version == null ? session : session + "; " + version;
    }

    /** The last value {@code response} set for cookie {@code name}, as {@code name=value}, or null. */
    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last)
                .orElse(null);
    }
}
