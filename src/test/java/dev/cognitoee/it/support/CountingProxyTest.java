package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's counting and holding, against a stand-in target that answers every call and counts what reached it. */
class CountingProxyTest {

    private static final String REFRESH = "{\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"ClientId\":\"c\"}";
    private static final String PASSWORD = "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"c\"}";

    private final AtomicInteger reached = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer target;
    private CountingProxy proxy;

    @BeforeEach
    void start() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            reached.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        proxy = CountingProxy.to(URI.create("http://127.0.0.1:" + target.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        target.stop(0);
    }

    @Test
    void countsEachCallByOperationAndAuthFlowAndRecordsWhenItArrived() throws Exception {
        assertThat(call(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(call(REFRESH).statusCode()).isEqualTo(200);

        assertThat(proxy.calls("InitiateAuth")).isEqualTo(2);
        assertThat(proxy.calls("InitiateAuth/REFRESH_TOKEN_AUTH")).isEqualTo(1);
        assertThat(proxy.arrivals("InitiateAuth/REFRESH_TOKEN_AUTH")).hasSize(1);
        assertThat(proxy.arrivals("InitiateAuth/USER_PASSWORD_AUTH")).hasSize(1);
        assertThat(reached).hasValue(2);
    }

    @Test
    void aHeldCallWaitsUnforwardedUntilReleasedAndOthersPassMeanwhile() throws Exception {
        CountingProxy.Hold hold = proxy.holdNext("InitiateAuth/REFRESH_TOKEN_AUTH");
        CompletableFuture<HttpResponse<String>> held = callAsync(REFRESH);
        assertThat(hold.awaitHeld(Duration.ofSeconds(10))).isTrue();

        assertThat(call(PASSWORD).statusCode()).as("another operation meanwhile").isEqualTo(200);
        assertThat(call(REFRESH).statusCode()).as("a second refresh: only the next one is held").isEqualTo(200);
        assertThat(held).isNotDone();
        assertThat(reached).as("calls that reached the target while one is held").hasValue(2);

        hold.release();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(reached).hasValue(3);
        assertThat(proxy.calls("InitiateAuth/REFRESH_TOKEN_AUTH")).isEqualTo(2);
    }

    @Test
    void aDroppedCallIsCountedButNeverReachesTheTargetAndGetsNoAnswer() throws Exception {
        CountingProxy.Hold hold = proxy.holdNext("InitiateAuth/REFRESH_TOKEN_AUTH");
        CompletableFuture<HttpResponse<String>> held = callAsync(REFRESH);
        assertThat(hold.awaitHeld(Duration.ofSeconds(10))).isTrue();

        hold.drop();

        assertThat(held).failsWithin(Duration.ofSeconds(10));
        assertThat(reached).hasValue(0);
        assertThat(proxy.calls("InitiateAuth/REFRESH_TOKEN_AUTH")).isEqualTo(1);
        assertThat(call(REFRESH).statusCode()).as("the next call, the hold over").isEqualTo(200);
        assertThat(reached).hasValue(1);
    }

    @Test
    void aHoldThatNothingMatchedHoldsNothing() throws Exception {
        CountingProxy.Hold hold = proxy.holdNext("InitiateAuth/REFRESH_TOKEN_AUTH");

        assertThat(call(PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hold.awaitHeld(Duration.ofMillis(200))).isFalse();
        hold.drop();
        assertThat(call(REFRESH).statusCode()).as("no hold left after a drop").isEqualTo(200);
    }

    private HttpResponse<String> call(String body) throws Exception {
        return callAsync(body).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> callAsync(String body) {
        return client.sendAsync(HttpRequest.newBuilder(proxy.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
