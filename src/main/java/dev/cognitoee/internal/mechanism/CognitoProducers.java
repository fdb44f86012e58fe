package dev.cognitoee.internal.mechanism;

import dev.cognitoee.Cognito;
import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.RevocationCheck;
import dev.cognitoee.internal.credentials.CallerCredentials;
import dev.cognitoee.internal.credentials.CognitoAwsCredentialsProvider;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.BearerTokenVerifier;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.internal.token.CognitoTokenVerifier;
import dev.cognitoee.internal.token.InMemoryRevocationList;
import dev.cognitoee.internal.token.SharedRevocationList;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.GetUserTokenCheck;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.SecurityContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Produces the module's configuration, its token verifiers (the default pool's, with the revocation check of
 * {@code cognito.revocation-check}, and the bearer tokens' one, which picks each token's issuer), its user pool
 * client (closed when the application stops) and the caller's
 * {@link JsonWebToken}.
 */
@ApplicationScoped
class CognitoProducers {

    private static final Logger LOG = Logger.getLogger(CognitoProducers.class.getName());

    @Produces
    @Singleton
    CognitoConfig config(CognitoExtension extension) {
        return extension.config();
    }

    @Produces
    @Singleton
    CognitoTokenVerifier tokenVerifier(CognitoConfig config, @ModuleClock Clock clock, TokenRevocations revocations,
                                       UserPoolClient userPool) {
        return CognitoTokenVerifier.forPool(config, clock, revocations,
                config.revocationCheck() == RevocationCheck.COGNITO ? new GetUserTokenCheck(userPool) : null);
    }

    /** The verifier of bearer tokens: each is judged by the trusted issuer it names (the default pool or another). */
    @Produces
    @Singleton
    BearerTokenVerifier bearerTokenVerifier(CognitoConfig config, CognitoTokenVerifier defaultPool,
                                            @ModuleClock Clock clock) {
        return BearerTokenVerifier.of(config, defaultPool, clock);
    }

    /**
     * The revoked sessions (cognito implies local): the cluster's when the server has a grid, else this node's;
     * nothing is kept when the check is off.
     */
    @Produces
    @Singleton
    TokenRevocations tokenRevocations(CognitoConfig config, @ModuleClock Clock clock, SharedState shared) {
        if (config.revocationCheck() == RevocationCheck.OFF) {
            return TokenRevocations.off();
        }
        Optional<Grid> grid = shared.grid();
        if (grid.isPresent()) {
            try {
                return new TokenRevocations(SharedRevocationList.in(grid.get(), clock, config.userPoolId(),
                        String.join(",", config.clientIds())), config.clockSkew());
            } catch (GridUnavailableException e) {
                LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid cannot hold the revocation list ({0}); it is kept per"
                        + " node", e.getMessage());
            }
        }
        return new TokenRevocations(new InMemoryRevocationList(InMemoryRevocationList.DEFAULT_MAX_ENTRIES,
                clock), config.clockSkew());
    }

    /**
     * The sealer of the secrets kept in HTTP sessions: with the configured keys, or a random key of this deployment
     * (a {@code <distributable/>} application without keys does not deploy: {@link SessionCookieInitializer}).
     */
    @Produces
    @Singleton
    SessionSealer sessionSealer(CognitoConfig config) {
        if (config.sessionEncryptionKeys() != null) {
            return SessionSealer.of(config.sessionEncryptionKeys());
        }
        LOG.info("No cognito.session-encryption-key: the refresh tokens in HTTP sessions are encrypted with a random "
                + "key of this deployment, so sessions cannot be resumed by another node or after a restart");
        return SessionSealer.withRandomKey();
    }

    @Produces
    @Singleton
    UserPoolClient userPoolClient(CognitoConfig config) {
        return UserPoolClient.forPool(config);
    }

    /** Closes the user pool client when the application stops: its SDK client holds threads and connections. */
    void closeUserPoolClient(@Disposes UserPoolClient userPool) {
        userPool.close();
    }

    /** The caller's AWS credentials, resolved for the current caller on every call. */
    @Produces
    @Cognito
    AwsCredentialsProvider awsCredentials(CallerCredentials caller) {
        return new CognitoAwsCredentialsProvider(caller);
    }

    /**
     * The caller's token, as MicroProfile JWT defines it, and which pool it comes from: one bean for both
     * {@code @Inject JsonWebToken} and {@code @Inject PoolJsonWebToken}; a token without claims for an anonymous
     * request.
     */
    @Produces
    @RequestScoped
    PoolJsonWebToken jsonWebToken(SecurityContext securityContext) {
        return CallerToken.of(securityContext).filter(PoolJsonWebToken.class::isInstance)
                .map(PoolJsonWebToken.class::cast).orElse(AnonymousJsonWebToken.INSTANCE);
    }
}
