package dev.cognitoee.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cognitoee.internal.token.CognitoTokenVerifier;
import dev.cognitoee.internal.token.TokenRejectedException;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.TokenMinter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness probe against a real JWKS endpoint and a real HTTP endpoint standing for Cognito's, with time moved
 * by the test: up, down naming the cause, one probe per {@link ReadinessProbe#RESULT_TIME_TO_LIVE} however often it is
 * polled, and keys already in service kept through a JWKS outage.
 */
class ReadinessProbeTest {

    private static final TokenMinter MINTER = new TokenMinter("health-key");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger endpointRequests = new AtomicInteger();
    private JwksServer jwks;
    private HttpServer cognito;

    @BeforeEach
    void start() throws IOException {
        jwks = new JwksServer(MINTER.key().toPublicJWK());
        cognito = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cognito.createContext("/", exchange -> {
            endpointRequests.incrementAndGet();
            exchange.sendResponseHeaders(400, -1); // what Cognito's API answers a bare GET: an error, but an answer
            exchange.close();
        });
        cognito.start();
    }

    @AfterEach
    void stop() {
        jwks.close();
        cognito.stop(0);
    }

    private ReadinessProbe probe(String endpoint) {
        var config = Configs.of("cognito.region", "eu-west-1", "cognito.user-pool-id", "eu-west-1_TestPool1",
                "cognito.client-id", TokenMinter.CLIENT_ID, "cognito.issuer", TokenMinter.ISSUER,
                "cognito.jwks-uri", jwks.uri().toString(), "cognito.endpoint", endpoint,
                "cognito.connect-timeout", "1000", "cognito.read-timeout", "1000");
        ReadinessProbe probe = new ReadinessProbe(nanos::get);
        probe.config = config;
        probe.verifier = CognitoTokenVerifier.forPool(config, Clock.systemUTC(), TokenRevocations.off(), null);
        return probe;
    }

    private String cognitoEndpoint() {
        return "http://127.0.0.1:" + cognito.getAddress().getPort();
    }

    @Test
    void upWhenTheKeysAreFetchedAndTheEndpointAnswers() {
        ReadinessReport report = probe(cognitoEndpoint()).current();

        assertThat(report.up()).isTrue();
        assertThat(report.data()).containsEntry("jwks", "UP").containsEntry("cognito", "UP")
                .containsEntry("issuer", TokenMinter.ISSUER).containsEntry("jwksUri", jwks.uri().toString())
                .containsEntry("endpoint", cognitoEndpoint());
        assertThat(jwks.requests()).isEqualTo(1);
        assertThat(endpointRequests).hasValue(1);
    }

    @Test
    void pollsWithinTheResultsLifetimeReachNeitherEndpoint() {
        ReadinessProbe probe = probe(cognitoEndpoint());
        for (int i = 0; i < 50; i++) {
            assertThat(probe.current().up()).isTrue();
            nanos.addAndGet(ReadinessProbe.RESULT_TIME_TO_LIVE.toNanos() / 100);
        }
        assertThat(endpointRequests).as("one probe for 50 polls within the lifetime").hasValue(1);
        assertThat(jwks.requests()).isEqualTo(1);

        nanos.addAndGet(ReadinessProbe.RESULT_TIME_TO_LIVE.toNanos());
        assertThat(probe.current().up()).isTrue();
        assertThat(endpointRequests).as("a new probe once the result is stale").hasValue(2);
        assertThat(jwks.requests()).as("keys in service are not fetched again by the probe").isEqualTo(1);
    }

    @Test
    void downNamingTheEndpointAndTheCauseWhenCognitoDoesNotAnswer() throws IOException {
        String closed = "http://127.0.0.1:" + freePort();

        ReadinessReport report = probe(closed).current();

        assertThat(report.up()).isFalse();
        assertThat(report.data()).containsEntry("cognito", "DOWN: java.net.ConnectException")
                .containsEntry("endpoint", closed).containsEntry("jwks", "UP");
    }

    @Test
    void downNamingTheJwksAndTheCauseWhenNoKeysCanBeFetched() {
        jwks.stop();

        ReadinessReport report = probe(cognitoEndpoint()).current();

        assertThat(report.up()).isFalse();
        assertThat(report.data()).containsEntry("jwks", "DOWN: java.net.ConnectException")
                .containsEntry("jwksUri", jwks.uri().toString()).containsEntry("cognito", "UP");
        assertThat(report.data().values()).noneMatch(value -> value.contains("eyJ"));
    }

    @Test
    void keysInServiceStayUpThroughAJwksOutageAndTheFailedRefetchIsNamed() {
        ReadinessProbe probe = probe(cognitoEndpoint());
        assertThat(probe.current().up()).isTrue();
        jwks.stop();
        // a token with a kid the keys lack makes the verifier (the one requests use) refetch, and fail
        String unknownKid = new TokenMinter("rotated-key").access(Instant.now());
        assertThatThrownBy(() -> probe.verifier.verify(unknownKid)).isInstanceOf(TokenRejectedException.class);

        nanos.addAndGet(ReadinessProbe.RESULT_TIME_TO_LIVE.toNanos());
        ReadinessReport report = probe.current();

        assertThat(report.up()).as("cached keys still serve tokens").isTrue();
        assertThat(report.data()).containsEntry("jwks",
                "UP (cached keys in service; the last fetch failed: java.net.ConnectException)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
