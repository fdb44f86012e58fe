package dev.cognitoee.internal.token;

import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Finds the verified token of the current caller, whichever way the server hands out the caller principal.
 *
 * <p>Jakarta Security leaves {@link SecurityContext#getCallerPrincipal()} to the platform ("the platform-specific
 * principal") and names {@link SecurityContext#getPrincipalsByType(Class)} as the way to reach the application's
 * own principal. Payara 6 returns the {@link CognitoJsonWebToken} itself from {@code getCallerPrincipal()};
 * Payara 7 returns its own {@code WebPrincipal}, which only carries the same name, and keeps the token among the
 * caller's principals. Code that needs the token must look in both places, through this class.
 */
public final class CallerToken {

    private CallerToken() {
    }

    /** The caller's token, or empty when the request has no caller or its caller did not come with a token. */
    public static Optional<JsonWebToken> of(SecurityContext securityContext) {
        if (securityContext.getCallerPrincipal() instanceof JsonWebToken token) {
            return Optional.of(token);
        }
        Set<JsonWebToken> tokens = securityContext.getPrincipalsByType(JsonWebToken.class);
        return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.iterator().next());
    }
}
