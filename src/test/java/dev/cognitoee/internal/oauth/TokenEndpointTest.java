package dev.cognitoee.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.metrics.CallTimes;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.testing.Configs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code exchange at /oauth2/token: what is sent, and how each of Cognito's answers is typed. */
class TokenEndpointTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>(
            "{\"access_token\":\"a.b.c\",\"id_token\":\"d.e.f\",\"refresh_token\":\"r\",\"token_type\":\"Bearer\"}");
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final List<String> forms = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            try (exchange) {
                forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                Thread.sleep(delay.get().toMillis());
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (timeout test)
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CognitoConfig config(String secret, int port) {
        List<String> settings = new ArrayList<>(List.of("cognito.user-pool-id", "eu-west-1_AbC123",
                "cognito.client-id", "client1", "cognito.hosted-ui.endpoint", "http://127.0.0.1:" + port,
                "cognito.redirect-uri", "https://app.example.com/app/callback", "cognito.read-timeout", "500",
                "cognito.connect-timeout", "500"));
        if (secret != null) {
            settings.addAll(List.of("cognito.client-secret", secret));
        }
        return Configs.of(settings.toArray(String[]::new));
    }

    private TokenEndpoint endpoint(String secret) {
        return new TokenEndpoint(config(secret, server.getAddress().getPort()));
    }

    @Test
    void exchangesTheCodeWithTheVerifierAndTheCallbackUrl() {
        CodeTokens tokens = endpoint(null).exchange("the-code", "the-verifier");

        assertThat(tokens).isEqualTo(new CodeTokens("a.b.c", "d.e.f", "r"));
        assertThat(tokens.toString()).doesNotContain("a.b.c");
        assertThat(forms).containsExactly("grant_type=authorization_code&client_id=client1&code=the-code"
                + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fapp%2Fcallback&code_verifier=the-verifier");
        assertThat(authorizations).containsOnlyNulls();
    }

    @Test
    void eachExchangeIsTimedAsACognitoCallAndARefusalCountsAsAFailure() {
        CallTimes calls = Metrics.COGNITO_CALLS;
        long before = calls.calls(Metrics.TOKEN_ENDPOINT);
        long failedBefore = calls.failures(Metrics.TOKEN_ENDPOINT);
        double secondsBefore = calls.seconds(Metrics.TOKEN_ENDPOINT);
        delay.set(Duration.ofMillis(50));

        endpoint(null).exchange("code", "verifier");
        status.set(400);
        body.set("{\"error\":\"invalid_grant\"}");
        assertFailure(AuthError.INVALID_GRANT, "invalid_grant");

        assertThat(calls.calls(Metrics.TOKEN_ENDPOINT) - before).isEqualTo(2);
        assertThat(calls.failures(Metrics.TOKEN_ENDPOINT) - failedBefore).isEqualTo(1);
        assertThat(calls.seconds(Metrics.TOKEN_ENDPOINT) - secondsBefore).as("both waited 50 ms")
                .isGreaterThanOrEqualTo(0.1);
    }

    @Test
    void aClientWithASecretAuthenticatesWithHttpBasic() {
        endpoint("s3cret").exchange("code", "verifier");

        assertThat(authorizations).containsExactly("Basic "
                + Base64.getEncoder().encodeToString("client1:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidGrantIsTypedAndTheClientsMisconfigurationIsTold() {
        status.set(400);
        body.set("{\"error\":\"invalid_grant\"}");
        assertFailure(AuthError.INVALID_GRANT, "invalid_grant");

        status.set(401);
        body.set("{\"error\":\"invalid_client\"}");
        assertFailure(AuthError.IDENTITY_PROVIDER_ERROR, "invalid_client");

        body.set("{\"error\":\"<script>\"}");
        assertFailure(AuthError.IDENTITY_PROVIDER_ERROR, "unknown");

        body.set("not json");
        assertFailure(AuthError.IDENTITY_PROVIDER_ERROR, "unknown");
    }

    @Test
    void anAnswerWithoutAnIdTokenIsRefused() {
        body.set("{\"access_token\":\"a.b.c\"}");

        assertFailure(AuthError.INVALID_TOKEN, null);
    }

    @Test
    void cognitoDownThrottlingOrSlowIsServiceUnavailable() throws IOException {
        status.set(503);
        assertFailure(AuthError.SERVICE_UNAVAILABLE, null);
        status.set(429);
        assertFailure(AuthError.SERVICE_UNAVAILABLE, null);

        status.set(200);
        delay.set(Duration.ofSeconds(3));
        long started = System.nanoTime();
        assertFailure(AuthError.SERVICE_UNAVAILABLE, null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the read timeout")
                .isLessThan(Duration.ofSeconds(2));

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CognitoAuthException refused = catchThrowableOfType(CognitoAuthException.class,
                () -> new TokenEndpoint(config(null, closedPort)).exchange("code", "verifier"));
        assertThat(refused.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE);
    }

    private void assertFailure(AuthError error, String oauthError) {
        CognitoAuthException e = catchThrowableOfType(CognitoAuthException.class,
                () -> endpoint(null).exchange("code", "verifier"));
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.cognitoErrorCode()).isEqualTo(oauthError);
        assertThat(e.getMessage()).doesNotContain("code=", "verifier");
    }
}
