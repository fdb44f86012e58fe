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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A counting relay in front of the user pool emulator: every AWS JSON call ({@code POST /}) is passed on as it is
 * and its answer passed back, and each is counted by operation ({@code X-Amz-Target}) and, for
 * {@code InitiateAuth}, by {@code AuthFlow}. cognito-local logs no calls; this counts them on the wire, where a
 * second refresh would show. Not a stand-in: the emulator answers every call, except one the test asked to
 * {@linkplain #holdNext hold} and then {@linkplain Hold#drop() dropped}: a call whose caller died while it was in
 * flight, which never reaches the emulator.
 */
public final class CountingProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();
    private final AtomicReference<Hold> hold = new AtomicReference<>();

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

    /** When each call of {@code operation} arrived, in order (as {@link #calls(String)} counts them). */
    public List<Instant> arrivals(String operation) {
        return List.copyOf(arrivals.getOrDefault(operation, List.of()));
    }

    /**
     * Holds the next call of {@code operation} (counted as usual) unanswered and unforwarded until the test
     * {@linkplain Hold#release() releases} or {@linkplain Hold#drop() drops} it, at most two minutes: a Cognito call
     * in flight for as long as the test needs, say to kill the node that made it. One hold at a time.
     */
    public Hold holdNext(String operation) {
        Hold next = new Hold(operation);
        if (!hold.compareAndSet(null, next)) {
            throw new IllegalStateException("A call is already held or awaited");
        }
        return next;
    }

    /** One held call: see {@link #holdNext(String)}. */
    public final class Hold {

        private static final Duration LONGEST = Duration.ofMinutes(2);

        private final String operation;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean forward;

        private Hold(String operation) {
            this.operation = operation;
        }

        /** Whether the call arrived (and is being held) within {@code timeout}. */
        public boolean awaitHeld(Duration timeout) throws InterruptedException {
            return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Passes the held call on to the emulator, and its answer back. */
        public void release() {
            forward = true;
            end();
        }

        /** Closes the held call's connection without an answer; the emulator never sees it. */
        public void drop() {
            end();
        }

        private void end() {
            hold.compareAndSet(this, null);
            released.countDown();
        }

        /** Holds this call if it is the one awaited; true when it must be passed on. */
        private boolean pass(String... names) throws InterruptedException {
            if (!List.of(names).contains(operation) || !taken.compareAndSet(false, true)) {
                return true;
            }
            held.countDown();
            boolean ended = released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
            hold.compareAndSet(this, null);
            return !ended || forward;
        }
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
                Hold awaited = hold.get();
                if (awaited != null && !awaited.pass(name, name + "/" + flow)) {
                    return; // dropped: the connection closes unanswered
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
        arrivals.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(Instant.now());
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
