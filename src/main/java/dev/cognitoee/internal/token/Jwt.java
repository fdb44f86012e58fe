package dev.cognitoee.internal.token;

import dev.cognitoee.JWT;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * Reads a JWT's payload WITHOUT verifying it ({@link JWT#decodeJWT}): only for tokens the module has just received
 * from Cognito itself over TLS (to learn their expiry), or verified already, never for a token a client sent.
 */
public final class Jwt {

    private Jwt() {
    }

    /**
     * The payload of {@code token}.
     *
     * @throws IllegalArgumentException ({@link dev.cognitoee.MalformedJwtException}) when it is not a JWT
     */
    public static JsonObject decode(String token) {
        return JWT.decodeJWT(token).payload();
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
