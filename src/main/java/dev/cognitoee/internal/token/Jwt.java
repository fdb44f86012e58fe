package dev.cognitoee.internal.token;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Reads a JWT's payload WITHOUT verifying it, as Amplify's {@code decodeJWT} does: only for tokens the module has
 * just received from Cognito itself over TLS (to learn their expiry), never for a token a client sent.
 */
public final class Jwt {

    // Json.createReader looks the JSON provider up on every call; a factory does it once.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private Jwt() {
    }

    /** The payload of {@code token}. */
    public static JsonObject decode(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWT");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[1])))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("Not a JWT payload", e);
        }
    }

    /** The {@code exp} of {@code token}. */
    public static Instant expiry(String token) {
        JsonNumber exp = decode(token).getJsonNumber("exp");
        if (exp == null) {
            throw new IllegalArgumentException("The token has no exp");
        }
        return Instant.ofEpochSecond(exp.longValue());
    }
}
