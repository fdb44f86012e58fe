package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every stand-in gets from its server: the call read, a refusal answered as Cognito does, and a real stop. */
class StandInServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<CognitoWire.Call> received = new AtomicReference<>();
    private StandInServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void handsTheStandInTheBodyTheTargetAndTheOperationWithoutItsPrefix() throws Exception {
        server = StandInServer.start((exchange, call) -> {
            received.set(call);
            CognitoWire.send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });

        HttpResponse<String> response = post(CognitoWire.SERVICE + "InitiateAuth", "{\"AuthFlow\":\"USER_SRP_AUTH\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        CognitoWire.Call call = received.get();
        assertThat(call.target()).isEqualTo("AWSCognitoIdentityProviderService.InitiateAuth");
        assertThat(call.operation()).isEqualTo("InitiateAuth");
        assertThat(call.json().getString("AuthFlow")).isEqualTo("USER_SRP_AUTH");
    }

    @Test
    void aTargetOfAnotherServiceOrNoneNamesNoOperation() throws Exception {
        server = StandInServer.start((exchange, call) -> {
            received.set(call);
            CognitoWire.send(exchange, 200, new byte[0]);
        });

        post("AWSCognitoIdentityService.GetId", "{}");
        assertThat(received.get().target()).isEqualTo("AWSCognitoIdentityService.GetId");
        assertThat(received.get().operation()).isEmpty();

        post(null, "{}");
        assertThat(received.get().target()).isNull();
        assertThat(received.get().operation()).isEmpty();
    }

    @Test
    void aRefusalIsAnswered400WithCognitosErrorShape() throws Exception {
        server = StandInServer.start((exchange, call) -> CognitoRefusal.required(call.json(), "USERNAME"));

        HttpResponse<String> response = post(CognitoWire.SERVICE + "InitiateAuth", "{\"USERNAME\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = CognitoWire.json(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(error.getString("__type")).isEqualTo("InvalidParameterException");
        assertThat(error.getString("message")).isEqualTo("Missing required parameter USERNAME");
    }

    @Test
    void closingStopsListening() throws Exception {
        server = StandInServer.start((exchange, call) -> CognitoWire.send(exchange, 200, new byte[0]));
        assertThat(post(CognitoWire.SERVICE + "GetUser", "{}").statusCode()).isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> post(CognitoWire.SERVICE + "GetUser", "{}")).isInstanceOf(IOException.class);
    }

    private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint()).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
