package dev.cognitoee.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on loopback whose keys, failures and delay the test controls, counting every request. */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile List<JWK> keys;
    private volatile boolean failing;
    private volatile Duration delay = Duration.ZERO;

    public JwksServer(JWK... keys) throws IOException {
        this.keys = List.of(keys);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pool/.well-known/jwks.json", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = failing
                    ? "{\"message\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8)
                    : new JWKSet(this.keys).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(failing ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pool/.well-known/jwks.json");
    }

    public int requests() {
        return requests.get();
    }

    public void publish(JWK... newKeys) {
        keys = List.of(newKeys);
    }

    public void failing(boolean fail) {
        failing = fail;
    }

    public void delay(Duration newDelay) {
        delay = newDelay;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
