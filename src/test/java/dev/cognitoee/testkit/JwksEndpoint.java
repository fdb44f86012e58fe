package dev.cognitoee.testkit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user pool's JWKS endpoint, served over HTTP on a free port of the loopback interface, whose keys, failures,
 * delay and availability the test controls, counting every request.
 *
 * <p>It can be stopped (connections refused) and started again on the same port, and it can hold requests until
 * the test releases them (an endpoint that hangs), so that a test can look at the system while a fetch is in
 * flight. Requests are handled on several threads, so that concurrent fetches are seen as such. It publishes the
 * public part of each key it is given: a private part never leaves it.
 */
public final class JwksEndpoint implements AutoCloseable {

    /** The path the keys are served at, shaped like a Cognito pool's. */
    public static final String PATH = "/pool/.well-known/jwks.json";

    /** How long a held request waits for {@link #release()} at most, so that no test can hang on it. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    private final AtomicInteger requests = new AtomicInteger();
    private final int port;
    private HttpServer server;
    private ExecutorService handlers;
    private volatile List<JWK> keys;
    private volatile boolean failing;
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private JwksEndpoint(List<JWK> keys) throws IOException {
        this.keys = keys;
        server = bind(0);
        port = server.getAddress().getPort();
    }

    /**
     * Starts serving {@code keys} on a free loopback port.
     *
     * @param keys the keys to publish (their public parts)
     * @return the running endpoint; close it when done
     * @throws UncheckedIOException if no port can be bound
     */
    public static JwksEndpoint start(JWK... keys) {
        try {
            return new JwksEndpoint(List.of(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a loopback port", e);
        }
    }

    /**
     * Where the keys are served: the value for {@code cognito.jwks-uri}.
     *
     * @return {@code http://127.0.0.1:<port>/pool/.well-known/jwks.json}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + PATH);
    }

    /**
     * Requests received so far, whether answered, failed or still held.
     *
     * @return the count since the endpoint was created
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Publishes {@code newKeys} instead of the current ones, from the next request on (a key rotation).
     *
     * @param newKeys the keys to publish
     */
    public void publish(JWK... newKeys) {
        keys = List.of(newKeys);
    }

    /**
     * Answers 500 with a body that is no JWKS from now on, or stops doing so.
     *
     * @param fail whether to fail
     */
    public void failing(boolean fail) {
        failing = fail;
    }

    /**
     * Waits this long before each answer from now on.
     *
     * @param newDelay the delay; zero for none
     */
    public void delay(Duration newDelay) {
        delay = newDelay;
    }

    /** Holds every request from now on, until {@link #release()}: an endpoint that accepts and never answers. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** Lets the held requests (and all later ones) go on. A held request goes on by itself after 30 s. */
    public void release() {
        hold.countDown();
    }

    /** Stops listening: connections are refused until {@link #start()}. Held requests are released first. */
    public synchronized void stop() {
        release();
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
            server = null;
        }
    }

    /**
     * Listens again, on the same port.
     *
     * @throws UncheckedIOException if the port has been taken meanwhile
     */
    public synchronized void start() {
        if (server == null) {
            try {
                server = bind(port);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on port " + port + " again", e);
            }
        }
    }

    /** Stops listening for good (the same as {@link #stop()}). */
    @Override
    public void close() {
        stop();
    }

    private HttpServer bind(int onPort) throws IOException {
        HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        bound.createContext(PATH, this::answer);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "jwks-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        bound.setExecutor(handlers);
        bound.start();
        return bound;
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            hold.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean fail = failing;
        byte[] body = fail
                ? "{\"message\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8)
                : new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            out.write(body);
        } catch (IOException e) {
            // the client gave up (its read timeout): nothing to answer
        }
    }
}
