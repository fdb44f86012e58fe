package dev.cognitoee.internal.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.time.ClockTicker;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.userpool.Misconfigurations;
import dev.cognitoee.internal.userpool.SdkClientFactory;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import dev.cognitoee.spi.CredentialsRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * The default {@link CredentialsAndIdentityIdProvider}: the configured Cognito identity pool. {@code GetId} once
 * per caller (the identity id is remembered for {@link #IDENTITY_ID_LIFETIME}), then
 * {@code GetCredentialsForIdentity} with the caller's logins. Both are public (unsigned) calls: no AWS credentials
 * are needed to make them. Each call is bounded ({@link FetchBounds#perCall}: {@value FetchBounds#ATTEMPTS}
 * attempts, each within the configured connect and read timeouts).
 */
@ApplicationScoped
public class IdentityPoolCredentialsProvider implements CredentialsAndIdentityIdProvider {

    /**
     * How long a caller's identity id is remembered. An identity id is stable while its identity exists, but an
     * administrator may delete or unlink it ({@code DeleteIdentities}, {@code UnlinkIdentity}); after that, a
     * remembered id fails every fetch until it is forgotten. One hour is the lifetime of the identity pool's
     * credentials: a stale id heals at the latest when fresh credentials would have been fetched anyway, and a busy
     * user costs at most one extra {@code GetId} per hour.
     */
    static final Duration IDENTITY_ID_LIFETIME = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(IdentityPoolCredentialsProvider.class.getName());

    @Inject
    CognitoConfig config;

    @Inject
    @ModuleClock
    Clock clock;

    // Read and written outside any compute lock: CallerCredentials runs one fetch per caller at a time anyway.
    private Cache<String, String> identityIds;
    private final SdkHttpClient http;
    private volatile CognitoIdentityClient client;
    private boolean closed; // guarded by this
    private final Misconfigurations misconfigurations =
            Misconfigurations.of(Misconfigurations.Api.IDENTITY_POOL, false);

    /** For CDI: the HTTP client of {@link SdkClientFactory}; the cache is made once the clock is injected. */
    public IdentityPoolCredentialsProvider() {
        this.http = null;
    }

    /**
     * With {@code http} (null: the configured one; {@link #close} closes it) and {@code clock} measuring the
     * identity ids' lifetime.
     */
    IdentityPoolCredentialsProvider(SdkHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
        start();
    }

    @PostConstruct
    void start() {
        this.identityIds = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(IDENTITY_ID_LIFETIME)
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request) {
        requireIdentityPool();
        String identityId = request.identityId() != null ? request.identityId()
                : identityIds.getIfPresent(request.cacheKey());
        try {
            if (identityId == null) {
                identityId = client().getId(b -> b.identityPoolId(config.identityPoolId())
                        .logins(request.logins())).identityId();
                identityIds.put(request.cacheKey(), identityId);
            }
            String identity = identityId;
            Credentials credentials = client().getCredentialsForIdentity(b -> b.identityId(identity)
                    .logins(request.logins())).credentials();
            return new CredentialsAndIdentityId(AwsSessionCredentials.builder()
                    .accessKeyId(credentials.accessKeyId())
                    .secretAccessKey(credentials.secretKey())
                    .sessionToken(credentials.sessionToken())
                    .expirationTime(credentials.expiration())
                    .build(), identityId, credentials.expiration());
        } catch (SdkException e) {
            CognitoAuthException failure = IdentityPoolErrors.map(e, misconfigurations);
            if (failure.error() != AuthError.SERVICE_UNAVAILABLE && failure.error() != AuthError.TOO_MANY_REQUESTS) {
                identityIds.invalidate(request.cacheKey()); // a deleted or unlinked identity: ask GetId next time
            }
            throw failure;
        }
    }

    @Override
    public void clearCredentialsAndIdentityId(String cacheKey) {
        identityIds.invalidate(cacheKey);
    }

    /**
     * Fails unless an identity pool is configured.
     *
     * @throws CognitoAuthException {@code NO_IDENTITY_POOL}
     */
    void requireIdentityPool() {
        if (config.identityPoolId() == null) {
            throw new CognitoAuthException(AuthError.NO_IDENTITY_POOL,
                    "AWS credentials need an identity pool: set " + Setting.IDENTITY_POOL_ID.key());
        }
    }

    /**
     * Closes the identity pool's SDK client (its HTTP client and threads with it) when the application stops; a
     * call after it fails as Cognito being unavailable would, and makes no new client. A second close does nothing.
     */
    @PreDestroy
    synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private CognitoIdentityClient client() {
        CognitoIdentityClient current = client;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, "The application is stopping");
                }
                if (client == null) {
                    client = newClient();
                }
                current = client;
            }
        }
        return current;
    }

    private CognitoIdentityClient newClient() {
        Duration perCall = FetchBounds.perCall(config);
        LOG.log(Level.FINE, "Identity pool calls: {0} attempts, {1} in all at most",
                new Object[] {FetchBounds.ATTEMPTS, perCall});
        return new SdkClientFactory(config, http).identityPool(perCall, FetchBounds.ATTEMPTS, FetchBounds.RETRY_DELAY);
    }
}
