package dev.cognitoee.mechanism;

import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.token.CognitoTokenVerifier;
import dev.cognitoee.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Produces the module's configuration, its token verifier, its user pool client and the caller's {@link JsonWebToken}. */
@ApplicationScoped
class CognitoProducers {

    @Produces
    @Singleton
    CognitoConfig config(CognitoExtension extension) {
        return extension.config();
    }

    @Produces
    @Singleton
    CognitoTokenVerifier tokenVerifier(CognitoConfig config) {
        return CognitoTokenVerifier.forPool(config);
    }

    @Produces
    @Singleton
    UserPoolClient userPoolClient(CognitoConfig config) {
        return UserPoolClient.forPool(config);
    }

    /** The caller's token, as MicroProfile JWT defines it; a token without claims for an anonymous request. */
    @Produces
    @RequestScoped
    JsonWebToken jsonWebToken(SecurityContext securityContext) {
        if (securityContext.getCallerPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        Set<JsonWebToken> tokens = securityContext.getPrincipalsByType(JsonWebToken.class);
        return tokens.isEmpty() ? AnonymousJsonWebToken.INSTANCE : tokens.iterator().next();
    }
}
