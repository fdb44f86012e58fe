package dev.cognitoee.internal.observe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * Whether an HTTP endpoint answers: one GET, on the calling thread (no thread of its own inside the server),
 * bounded by the connect and read timeouts. Any HTTP status counts as an answer (Cognito's API answers a bare GET
 * with an error, which proves that the name resolves, the connection opens and TLS holds); only a failure to get one
 * does not.
 */
final class EndpointProbe {

    private EndpointProbe() {
    }

    /** Null when {@code endpoint} answered, else the class of what failed ({@code java.net.ConnectException}...). */
    static String failure(URI endpoint, Duration connectTimeout, Duration readTimeout) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.getResponseCode();
            drain(connection);
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getName();
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** Reads away a small body, so that the connection is not left half-read. */
    private static void drain(HttpURLConnection connection) throws IOException {
        InputStream body = connection.getErrorStream() != null ? connection.getErrorStream()
                : connection.getResponseCode() < 400 ? connection.getInputStream() : null;
        if (body != null) {
            try (body) {
                body.readNBytes(64 * 1024);
            }
        }
    }
}
