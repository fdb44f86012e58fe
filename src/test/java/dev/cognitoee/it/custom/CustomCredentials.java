package dev.cognitoee.it.custom;

import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import dev.cognitoee.spi.CredentialsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** An application's own credentials provider, replacing the identity pool: one bean of the SPI type. */
@ApplicationScoped
public class CustomCredentials implements CredentialsAndIdentityIdProvider {

    @Inject
    @ConfigProperty(name = "test.custom-access-key")
    String accessKey;

    @Inject
    @ConfigProperty(name = "test.custom-secret")
    String secret;

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request) {
        calls.incrementAndGet();
        return new CredentialsAndIdentityId(AwsSessionCredentials.create(accessKey, secret, "custom-session"),
                "custom:" + request.cacheKey(), Instant.now().plusSeconds(3600));
    }
}
