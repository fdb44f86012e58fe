package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for AWS Lambda behind the emulator's triggers: it implements Lambda's Invoke API
 * ({@code POST /2015-03-31/functions/{name}/invocations}), records every event the emulator sends, and answers as a
 * pass-through trigger would. Driven by the client metadata a test sends: {@code reject} makes the trigger fail
 * with that message (Lambda's {@code X-Amz-Function-Error: Unhandled}), {@code autoConfirm=true} makes PreSignUp
 * confirm the user. The custom-auth triggers play {@link CustomAuthTriggers}' two questions.
 */
public final class LambdaRecorder {

    /**
     * One trigger invocation.
     *
     * @param function       the function name the emulator invoked
     * @param triggerSource  e.g. {@code PreSignUp_SignUp}
     * @param userName       the user
     * @param clientMetadata what the trigger got as {@code request.clientMetadata} (empty when none)
     * @param validationData what the trigger got as {@code request.validationData} (empty when none)
     */
    public record Invocation(String function, String triggerSource, String userName,
                             Map<String, String> clientMetadata, Map<String, String> validationData) {
    }

    private static LambdaRecorder shared;

    private final HttpServer server;
    private final List<Invocation> invocations = new ArrayList<>();

    private LambdaRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.start();
    }

    public static synchronized LambdaRecorder shared() {
        if (shared == null) {
            try {
                shared = new LambdaRecorder();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The invocations for {@code userName} so far, in order. */
    public List<Invocation> invocationsFor(String userName) {
        synchronized (invocations) {
            return invocations.stream().filter(i -> userName.equals(i.userName())).toList();
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String function = path.substring("/2015-03-31/functions/".length(), path.lastIndexOf("/invocations"));
        JsonObject event;
        try (InputStream body = exchange.getRequestBody()) {
            event = Json.createReader(new StringReader(new String(body.readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject();
        }
        JsonObject request = event.getJsonObject("request");
        Map<String, String> metadata = strings(request, "clientMetadata");
        synchronized (invocations) {
            invocations.add(new Invocation(function, event.getString("triggerSource", ""),
                    event.getString("userName", ""), metadata, strings(request, "validationData")));
        }
        if (metadata.containsKey("reject")) {
            respond(exchange, Json.createObjectBuilder().add("errorMessage", metadata.get("reject"))
                    .add("errorType", "Error").build(), true);
            return;
        }
        JsonObjectBuilder response = event.get("response") instanceof JsonObject original
                ? Json.createObjectBuilder(original) : Json.createObjectBuilder();
        if ("true".equals(metadata.get("autoConfirm")) && event.getString("triggerSource", "").startsWith("PreSignUp")) {
            response.add("autoConfirmUser", true);
        }
        CustomAuthTriggers.answer(event, response);
        respond(exchange, Json.createObjectBuilder(event).add("response", response).build(), false);
    }

    private static Map<String, String> strings(JsonObject object, String name) {
        if (object == null || !(object.get(name) instanceof JsonObject values)) {
            return Map.of();
        }
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> strings.put(key, value.getValueType() == JsonValue.ValueType.STRING
                ? values.getString(key) : value.toString()));
        return strings;
    }

    private static void respond(HttpExchange exchange, JsonObject body, boolean functionError) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (functionError) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        }
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
