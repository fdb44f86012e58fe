package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counting relay in front of the user pool emulator: every AWS JSON call ({@code POST /}) is passed on as it is
 * and its answer passed back, and each is counted by operation ({@code X-Amz-Target}) and, for
 * {@code InitiateAuth}, by {@code AuthFlow}. cognito-local logs no calls; this counts them on the wire, where a
 * second refresh would show. Not a stand-in: the emulator answers every call.
 */
public final class CountingProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private CountingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::relay);
        server.start();
    }

    /** A relay to {@code target} (the emulator's endpoint). */
    public static CountingProxy to(URI target) throws IOException {
        return new CountingProxy(target);
    }

    /** Where to send the calls instead of the emulator. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many calls of {@code operation} (e.g. {@code InitiateAuth}, or {@code InitiateAuth/REFRESH_TOKEN_AUTH}). */
    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (operation != null) {
                String name = operation.substring(operation.indexOf('.') + 1);
                count(name);
                String flow = authFlow(body);
                if (flow != null) {
                    count(name + "/" + flow);
                }
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : new String[] {"Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    forward.header(header, value);
                }
            }
            HttpResponse<InputStream> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            answer.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
            try (InputStream in = answer.body()) {
                byte[] out = in.readAllBytes();
                exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream response = exchange.getResponseBody()) {
                        response.write(out);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(String name) {
        calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    private static String authFlow(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject json = reader.readObject();
            return json.getString("AuthFlow", null);
        } catch (JsonException | IllegalStateException | ClassCastException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
