package dev.cognitoee.it.support;

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
        return CognitoWire.error(type, getMessage());
    }
}
