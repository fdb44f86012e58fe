package dev.cognitoee.testing;

import com.nimbusds.jose.jwk.JWK;
import dev.cognitoee.testkit.JwksEndpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A stand-in JWKS endpoint on loopback whose keys, failures, delay and availability the test controls: the
 * project's tests' name for the test kit's {@link JwksEndpoint}, to which every call goes.
 */
public final class JwksServer implements AutoCloseable {

    private final JwksEndpoint endpoint;

    public JwksServer(JWK... keys) throws IOException {
        endpoint = JwksEndpoint.start(keys);
    }

    public URI uri() {
        return endpoint.uri();
    }

    /** Requests received so far, whether answered, failed or still held. */
    public int requests() {
        return endpoint.requests();
    }

    public void publish(JWK... newKeys) {
        endpoint.publish(newKeys);
    }

    /** Answer 500 with a non-JWKS body from now on (or stop doing so). */
    public void failing(boolean fail) {
        endpoint.failing(fail);
    }

    public void delay(Duration newDelay) {
        endpoint.delay(newDelay);
    }

    /** Hold every request from now on, until {@link #release()}: an endpoint that accepts and never answers. */
    public void hold() {
        endpoint.hold();
    }

    /** Let the held requests (and all later ones) go on. */
    public void release() {
        endpoint.release();
    }

    /** Stops listening: connections are refused until {@link #start()}. Held requests are released first. */
    public void stop() {
        endpoint.stop();
    }

    /** Listens again, on the same port. */
    public void start() {
        endpoint.start();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
