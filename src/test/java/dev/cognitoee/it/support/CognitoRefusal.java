package dev.cognitoee.it.support;

import jakarta.json.JsonObject;

/** A stand-in's answer with one of Cognito's errors: HTTP 400, {@code {"__type": ..., "message": ...}}. */
final class CognitoRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final String type;

    CognitoRefusal(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    /** The string {@code name} of a request, refused as Cognito does when it is missing or empty. */
    static String required(JsonObject request, String name) throws CognitoRefusal {
        String value = request.getString(name, "");
        if (value.isEmpty()) {
            throw new CognitoRefusal("InvalidParameterException", "Missing required parameter " + name);
        }
        return value;
    }

    String type() {
        return type;
    }

    /** The body Cognito sends with it. */
    byte[] body() {
        return CognitoWire.error(type, getMessage());
    }
}
