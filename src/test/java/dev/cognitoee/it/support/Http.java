package dev.cognitoee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests: no cookies kept, nothing hidden. */
public final class Http {

    /**
     * A new client for each request: a JDK HttpClient whose selector thread has failed refuses every later
     * connection (ClosedChannelException), so one shared client could turn one bad moment into a failed suite.
     */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as curl and most API clients speak to http:// URLs
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private Http() {
    }

    public static HttpResponse<String> get(URL base, String path) {
        return send(request(base, path).build());
    }

    public static HttpResponse<String> getWithAuthorization(URL base, String path, String authorization) {
        return send(request(base, path).header("Authorization", authorization).build());
    }

    public static HttpResponse<String> getWithBearer(URL base, String path, String token) {
        return getWithAuthorization(base, path, "Bearer " + token);
    }

    public static HttpResponse<String> putTextWithBearer(URL base, String path, String text, String token) {
        return send(request(base, path).header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpRequest.Builder request(URL base, String path) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(newClient(), request);
    }

    /** Sends {@code request} with {@code client}, failing the test on an I/O error. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
