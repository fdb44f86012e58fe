package dev.cognitoee.it.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transparent counting proxy in front of cognito-local, on loopback: the module WAR's {@code cognito.endpoint}
 * and {@code cognito.jwks-uri} point here, so that the benchmark can count, per measured cell, the JWKS fetches and
 * Cognito API calls the module makes (the target: none per request in steady state). It forwards every
 * request as it came (method, path, query, headers, body) and the emulator's answer as it came; it changes nothing.
 */
final class EmulatorCallCounter implements AutoCloseable {

    /** Headers the JDK's HttpClient sets itself, or that describe one hop only. */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    /** Calls counted so far. */
    record Counts(long jwks, long api) {

        Counts minus(Counts earlier) {
            return new Counts(jwks - earlier.jwks, api - earlier.api);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final AtomicLong jwks = new AtomicLong();
    private final AtomicLong api = new AtomicLong();

    private EmulatorCallCounter(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a proxy to {@code target} (the emulator's base URL) on a free loopback port. */
    static EmulatorCallCounter start(URI target) {
        try {
            return new EmulatorCallCounter(target);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the counting proxy", e);
        }
    }

    /** The proxy's base URL, as {@code cognito.endpoint} takes it. */
    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    Counts counts() {
        return new Counts(jwks.get(), api.get());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            (path.endsWith("/.well-known/jwks.json") ? jwks : api).incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    target.resolve(path + (query == null ? "" : "?" + query))).timeout(Duration.ofSeconds(30));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_HEADERS.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(exchange.getRequestMethod(), body.length == 0
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } catch (IOException e) {
            // the emulator is unreachable: answer as a gateway would (the module sees a failed call)
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
