package dev.cognitoee.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.config.CognitoConfigKeys;
import dev.cognitoee.userpool.CognitoErrors;
import dev.cognitoee.userpool.CognitoHttpClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClientBuilder;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * The default {@link CredentialsAndIdentityIdProvider}: the configured Cognito identity pool. {@code GetId} once
 * per caller (the identity id is remembered), then {@code GetCredentialsForIdentity} with the caller's logins.
 * Both are public (unsigned) calls: no AWS credentials are needed to make them.
 */
@ApplicationScoped
public class IdentityPoolCredentialsProvider implements CredentialsAndIdentityIdProvider {

    @Inject
    CognitoConfig config;

    private final Cache<String, String> identityIds = Caffeine.newBuilder()
            .maximumSize(100_000)
            .executor(Runnable::run)
            .build();
    private volatile CognitoIdentityClient client;

    @Override
    public CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request) {
        if (config.identityPoolId() == null) {
            throw new CognitoAuthException(AuthError.NO_IDENTITY_POOL,
                    "AWS credentials need an identity pool: set " + CognitoConfigKeys.IDENTITY_POOL_ID);
        }
        try {
            String identityId = request.identityId() != null ? request.identityId()
                    : identityIds.get(request.cacheKey(), key -> identityId(request));
            Credentials credentials = client().getCredentialsForIdentity(b -> b.identityId(identityId)
                    .logins(request.logins())).credentials();
            return new CredentialsAndIdentityId(AwsSessionCredentials.builder()
                    .accessKeyId(credentials.accessKeyId())
                    .secretAccessKey(credentials.secretKey())
                    .sessionToken(credentials.sessionToken())
                    .expirationTime(credentials.expiration())
                    .build(), identityId, credentials.expiration());
        } catch (SdkException e) {
            throw CognitoErrors.map(e);
        }
    }

    @Override
    public void clearCredentialsAndIdentityId(String cacheKey) {
        identityIds.invalidate(cacheKey);
    }

    private String identityId(CredentialsRequest request) {
        return client().getId(b -> b.identityPoolId(config.identityPoolId()).logins(request.logins())).identityId();
    }

    private CognitoIdentityClient client() {
        CognitoIdentityClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = newClient();
                }
                current = client;
            }
        }
        return current;
    }

    private CognitoIdentityClient newClient() {
        CognitoIdentityClientBuilder builder = CognitoIdentityClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(CognitoHttpClients.forConfig(config));
        if (config.identityEndpoint() != null) {
            builder.endpointOverride(config.identityEndpoint());
        }
        return builder.build();
    }
}
