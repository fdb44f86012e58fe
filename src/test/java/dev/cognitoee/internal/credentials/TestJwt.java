package dev.cognitoee.internal.credentials;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified caller's token as the request's {@code SecurityContext} hands it out: its claims and raw form. */
record TestJwt(String raw, Map<String, Object> claims) implements JsonWebToken {

    @Override
    public String getName() {
        return (String) claims.get("sub");
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) ("raw_token".equals(claimName) ? raw : claims.get(claimName));
    }

    @Override
    public String toString() {
        return "TestJwt[" + claims.get("sub") + "]";
    }
}
