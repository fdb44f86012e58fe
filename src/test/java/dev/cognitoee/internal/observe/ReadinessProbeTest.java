package dev.cognitoee.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cognitoee.internal.token.BearerTokenVerifier;
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
import java.util.ArrayList;
import java.util.List;
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

    private ReadinessProbe probe(String endpoint, String... otherIssuers) {
        List<String> settings = new ArrayList<>(List.of("cognito.region", "eu-west-1",
                "cognito.user-pool-id", "eu-west-1_TestPool1", "cognito.client-id", TokenMinter.CLIENT_ID,
                "cognito.issuer", TokenMinter.ISSUER, "cognito.jwks-uri", jwks.uri().toString(),
                "cognito.endpoint", endpoint, "cognito.connect-timeout", "1000", "cognito.read-timeout", "1000"));
        settings.addAll(List.of(otherIssuers));
        var config = Configs.of(settings.toArray(String[]::new));
        ReadinessProbe probe = new ReadinessProbe(nanos::get);
        probe.config = config;
        probe.verifier = CognitoTokenVerifier.forPool(config, Clock.systemUTC(), TokenRevocations.off(), null);
        probe.bearerVerifier = BearerTokenVerifier.of(config, probe.verifier, Clock.systemUTC());
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

    @Test
    void theOtherIssuersKeysAreShownByNameWithoutDecidingTheResult() throws IOException {
        try (JwksServer staffKeys = new JwksServer(new TokenMinter("staff-key").key().toPublicJWK())) {
            String closed = "http://127.0.0.1:" + freePort() + "/partner/jwks.json";
            ReadinessProbe probe = probe(cognitoEndpoint(),
                    "cognito.pools", "staff",
                    "cognito.pool.staff.user-pool-id", "us-east-2_Staff9",
                    "cognito.pool.staff.client-id", "staffclient",
                    "cognito.pool.staff.jwks-uri", staffKeys.uri().toString(),
                    "cognito.oidc-issuers", "partner",
                    "cognito.oidc-issuer.partner.issuer", "https://login.partner.example",
                    "cognito.oidc-issuer.partner.jwks-uri", closed,
                    "cognito.oidc-issuer.partner.audience", "api://orders");

            ReadinessReport report = probe.current();

            assertThat(report.up()).as("the default pool serves; the partner's outage is shown, not deciding")
                    .isTrue();
            assertThat(report.data()).containsEntry("jwks", "UP").containsEntry("jwks.staff", "UP")
                    .containsEntry("jwks.partner", "DOWN: java.net.ConnectException");
            assertThat(staffKeys.requests()).as("the staff pool's keys fetched by the probe").isEqualTo(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
