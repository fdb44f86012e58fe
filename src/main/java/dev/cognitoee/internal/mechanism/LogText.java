package dev.cognitoee.internal.mechanism;

/** A value a client sent, made safe for a log line: no control characters (no forged lines), and short. */
final class LogText {

    private static final int MAX_LENGTH = 100;

    private LogText() {
    }

    static String of(String clientValue) {
        if (clientValue == null) {
            return "none";
        }
        StringBuilder safe = new StringBuilder(Math.min(clientValue.length(), MAX_LENGTH) + 3);
        for (int i = 0; i < clientValue.length() && safe.length() < MAX_LENGTH; i++) {
            char c = clientValue.charAt(i);
            safe.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return clientValue.length() > MAX_LENGTH ? safe.append("...").toString() : safe.toString();
    }
}
