package dev.cognitoee.mechanism;

import dev.cognitoee.Cognito;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.credentials.CallerCredentials;
import dev.cognitoee.credentials.CognitoAwsCredentialsProvider;
import dev.cognitoee.token.CallerToken;
import dev.cognitoee.token.CognitoTokenVerifier;
import dev.cognitoee.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

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

    /** The caller's AWS credentials, resolved for the current caller on every call. */
    @Produces
    @Cognito
    AwsCredentialsProvider awsCredentials(CallerCredentials caller) {
        return new CognitoAwsCredentialsProvider(caller);
    }

    /** The caller's token, as MicroProfile JWT defines it; a token without claims for an anonymous request. */
    @Produces
    @RequestScoped
    JsonWebToken jsonWebToken(SecurityContext securityContext) {
        return CallerToken.of(securityContext).orElse(AnonymousJsonWebToken.INSTANCE);
    }
}
