package dev.cognitoee;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON Web Token, <b>decoded, not verified</b> (Amplify's {@code JWT}, from its {@code decodeJWT}): its header
 * and its payload, read as they are, and its compact form. Nothing about it is checked: not the signature, not who
 * issued it, not whether it has expired. Trust its claims only when you know where the token came from (from
 * the module, through {@link AuthSession#tokens()} or a {@code TokenProvider}; or from a service over TLS);
 * never decide who a caller is from a token a client sent and that only this class read: the module's mechanism
 * verifies the tokens it accepts, and {@code @Inject JsonWebToken} gives the verified caller's claims.
 *
 * <p>{@link #toString()} shows no part of the token (it may be logged); {@link #compact()} is the token itself.
 * Instances are immutable and thread-safe.
 */
public final class JWT {

    // Json.createReader looks the JSON provider up on every call; a factory does it once.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final String compact;
    private final JsonObject header;
    private final JsonObject payload;

    private JWT(String compact, JsonObject header, JsonObject payload) {
        this.compact = compact;
        this.header = header;
        this.payload = payload;
    }

    /**
     * Decodes a compact JWT (three base64url parts separated by dots: header, payload, signature) WITHOUT VERIFYING
     * ANYTHING: the signature is not checked, nor the issuer, the audience or the expiry. Use it to read a token
     * you already trust; see the class comment.
     *
     * @param token the compact token, such as Cognito's access or id token
     * @return the decoded token
     * @throws MalformedJwtException when {@code token} is null, has not exactly three parts (an encrypted JWT has
     *                               five: not supported), when its header or payload is not base64url or not a
     *                               JSON object; the message never contains the token
     */
    public static JWT decodeJWT(String token) {
        if (token == null) {
            throw new MalformedJwtException("Not a JWT: the token is null");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedJwtException("Not a compact JWT: it has " + parts.length + " part"
                    + (parts.length == 1 ? "" : "s") + " separated by dots; a signed JWT has 3");
        }
        return new JWT(token, object(parts[0], "header"), object(parts[1], "payload"));
    }

    /** The JSON object that {@code part} encodes; {@code name} says which part, for the error. */
    private static JsonObject object(String part, String name) {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            // No cause attached: its message quotes a character of the token.
            throw new MalformedJwtException("Not a JWT: its " + name + " is not base64url");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedJwtException("Not a JWT: its " + name + " is JSON but not an object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            // No cause attached: a parser's message may quote the token's text.
            throw new MalformedJwtException("Not a JWT: its " + name + " is not JSON");
        }
    }

    /**
     * The header, as sent, for example {@code {"kid":"...","alg":"RS256"}}.
     *
     * @return the header (immutable)
     */
    public JsonObject header() {
        return header;
    }

    /**
     * The claims, as sent (Amplify's {@code payload}), not verified.
     *
     * @return the payload (immutable)
     */
    public JsonObject payload() {
        return payload;
    }

    /**
     * The token itself, in its compact form, to send it on (an {@code Authorization} header, the identity pool's
     * {@code Logins}). Never log it.
     *
     * @return the compact token, exactly as decoded
     */
    public String compact() {
        return compact;
    }

    /**
     * The {@code iss} claim.
     *
     * @return the issuer, or null when the token has no string {@code iss}
     */
    public String issuer() {
        return string("iss");
    }

    /**
     * The {@code sub} claim.
     *
     * @return the subject, or null when the token has no string {@code sub}
     */
    public String subject() {
        return string("sub");
    }

    /**
     * The {@code exp} claim.
     *
     * @return when the token expires, or null when it has no numeric {@code exp}
     */
    public Instant expiresAt() {
        JsonValue exp = payload.get("exp");
        return exp instanceof JsonNumber number ? Instant.ofEpochSecond(number.longValue()) : null;
    }

    private String string(String claim) {
        JsonValue value = payload.get(claim);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? payload.getString(claim) : null;
    }

    /** Equal when the compact forms are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JWT jwt && compact.equals(jwt.compact);
    }

    @Override
    public int hashCode() {
        return compact.hashCode();
    }

    /**
     * What the token is, without any part of it: its {@code kid}, issuer, {@code token_use} and expiry.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        JsonValue kid = header.get("kid");
        JsonValue use = payload.get("token_use");
        return "JWT[kid=" + Objects.toString(kid) + ", iss=" + issuer() + ", token_use=" + Objects.toString(use)
                + ", exp=" + expiresAt() + "]";
    }
}
