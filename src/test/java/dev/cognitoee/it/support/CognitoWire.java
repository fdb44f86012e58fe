package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every Cognito stand-in shares on the wire (it listens on a {@link StandInServer}): the User Pool API's JSON
 * protocol ({@code application/x-amz-json-1.1}, the operation in {@code X-Amz-Target}), Cognito's error shape
 * ({@code __type} and {@code message}), and the relay to the emulator of every call a stand-in does not play.
 */
public final class CognitoWire {

    /** The prefix of every User Pool API operation in {@code X-Amz-Target}. */
    public static final String SERVICE = "AWSCognitoIdentityProviderService.";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CognitoWire() {
    }

    /**
     * A call as a stand-in receives it: the body, the raw {@code X-Amz-Target} ({@code null} when absent) and the
     * User Pool API operation it names, without the service prefix ({@code ""} when it names none).
     */
    public record Call(byte[] body, String target, String operation) {

        /** The body as a JSON object. */
        public JsonObject json() {
            return CognitoWire.json(body);
        }
    }

    /** Reads the call of {@code exchange}: its whole body and the operation of its {@code X-Amz-Target}. */
    public static Call read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null && target.startsWith(SERVICE) ? target.substring(SERVICE.length()) : "";
        return new Call(body, target, operation);
    }

    /** A request body as a JSON object. */
    public static JsonObject json(byte[] body) {
        return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
    }

    /** Cognito's answer to a refused call: {@code {"__type": type, "message": message}}. */
    public static byte[] error(String type, String message) {
        return Json.createObjectBuilder().add("__type", type).add("message", message).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends {@code body} as Cognito does: JSON 1.1, the given status. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The emulator's answer to a relayed call. */
    public record Relayed(int status, byte[] body) {
    }

    /** Relays a call, as received, to the emulator at {@code emulator}. */
    public static Relayed relay(URI emulator, String method, URI path, String target, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.1")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Relayed(response.statusCode(), response.body());
    }

    /** Relays the call of {@code exchange} (whose body was read as {@code body}) and sends the emulator's answer. */
    public static void relay(URI emulator, HttpExchange exchange, byte[] body) throws IOException {
        try {
            Relayed answer = relay(emulator, exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            send(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 500, error("InternalErrorException", "interrupted"));
        }
    }
}
