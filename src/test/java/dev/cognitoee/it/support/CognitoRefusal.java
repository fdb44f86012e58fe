package dev.cognitoee.it.support;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;

/** A stand-in's answer with one of Cognito's errors: HTTP 400, {@code {"__type": ..., "message": ...}}. */
final class CognitoRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final String type;

    CognitoRefusal(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() {
        return type;
    }

    /** The body Cognito sends with it. */
    byte[] body() {
        return Json.createObjectBuilder().add("__type", type).add("message", getMessage()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
