package dev.cognitoee.internal.token;

import dev.cognitoee.PoolJsonWebToken;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.CallerPrincipal;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The MicroProfile JWT view of a verified Cognito token; it is also the caller principal of the request (on Payara 7,
 * Jakarta Security's {@code getCallerPrincipal()} wraps it in the server's own principal: see {@link CallerToken}).
 *
 * <p>{@link #getName()} is the issuer's caller-name claim and {@link #getGroups()} its groups claim
 * ({@code cognito:groups} by default) through its role mapping, so {@code getClaim("groups")} returns those roles
 * too; {@link #pool()} names the issuer. Claim values
 * follow MicroProfile JWT's {@link Claims} types: NumericDates as {@code Long}, {@code aud} and {@code groups} as
 * {@code Set<String>}; other claims as {@code String}, {@code Long}, {@code Double}, {@code Boolean}, or
 * {@code JsonObject}/{@code JsonArray} for structured values.
 *
 * <p>Two instances are equal when they name the same caller of the same issuer with the same roles (issuer name,
 * {@code sub}, caller name, groups), whichever token they came from. The server caches authorization decisions per
 * set of principals: Payara's JACC provider keeps a {@code ProtectionDomain} per principal set, in a synchronized
 * map, and asks its policy again for a set it has not seen. With identity equality every request was such a miss
 * (a new domain, a policy evaluation, a map entry that outlived the request and slowed the young collections):
 * docs/BENCHMARKS.md, "What the profile showed".
 */
public final class CognitoJsonWebToken extends CallerPrincipal implements PoolJsonWebToken {

    private static final long serialVersionUID = 1L;

    // Bearer requests are stateless: this principal is never put in a session, so it is not serialized.
    private final transient VerifiedToken token;

    public CognitoJsonWebToken(VerifiedToken token) {
        super(token.callerName());
        this.token = token;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        throw new NotSerializableException("A CognitoJsonWebToken lives for one request and is not serialized");
    }

    @Override
    public String pool() {
        return token.pool();
    }

    @Override
    public Set<String> getGroups() {
        return token.groups();
    }

    @Override
    public String getRawToken() {
        return token.rawToken();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(token.claims().keySet());
        names.add(Claims.raw_token.name());
        names.add(Claims.groups.name());
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claimValue(claimName);
    }

    private Object claimValue(String name) {
        if (Claims.raw_token.name().equals(name)) {
            return token.rawToken();
        }
        if (Claims.groups.name().equals(name)) {
            return token.groups();
        }
        JsonValue value = token.claims().get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (Claims.aud.name().equals(name)) {
            return audience(value);
        }
        return plain(value);
    }

    private static Set<String> audience(JsonValue value) {
        if (value instanceof JsonArray array) {
            Set<String> audience = new HashSet<>();
            array.forEach(element -> audience.add(String.valueOf(plain(element))));
            return audience;
        }
        return Set.of(String.valueOf(plain(value)));
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : (Object) number.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT, ARRAY -> value;
        };
    }

    /** The claims as received, for callers that prefer Jakarta JSON types. */
    public JsonObject claims() {
        return token.claims();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CognitoJsonWebToken that && pool().equals(that.pool())
                && Objects.equals(subject(), that.subject()) && getName().equals(that.getName())
                && getGroups().equals(that.getGroups());
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool(), subject(), getName());
    }

    private String subject() {
        JsonValue sub = token.claims().get(Claims.sub.name());
        return sub instanceof JsonString string ? string.getString() : null;
    }

    @Override
    public String toString() {
        return "CognitoJsonWebToken[" + getName() + "]"; // never the token
    }
}
