package dev.cognitoee.internal.userpool;

import dev.cognitoee.internal.config.CognitoConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Makes every AWS SDK client of the module, so that region, endpoint override, credentials, timeouts, HTTP client
 * and retries are decided here and nowhere else.
 *
 * <p>Each client gets an HTTP client of its own, which the SDK client owns: closing the SDK client closes its HTTP
 * client and the SDK's own threads (the scheduler behind {@code apiCallTimeout}) too. Whoever asks for a client
 * closes it when the application stops (a CDI disposer or {@code @PreDestroy}); an unclosed client keeps its threads,
 * and through them the application's class loader, alive after an undeploy.
 *
 * <p>Every call is timed, by operation ({@link CallTiming}).
 *
 * <p>No call leaves JSON buffers behind on the calling thread ({@link JsonBufferRelease}): those threads are the
 * server's, and outlive the application.
 *
 * <p>Every call the module makes is a public Cognito API (unsigned): the clients use anonymous credentials and never
 * look for AWS credentials in the server's environment.
 */
public final class SdkClientFactory {

    private final CognitoConfig config;
    private final SdkHttpClient http; // null: a new JDK (URLConnection) client for each SDK client

    /** Clients over the JDK's HTTP client, with the configured connect and read timeouts. */
    public SdkClientFactory(CognitoConfig config) {
        this(config, null);
    }

    /**
     * Clients over {@code http} (tests record the wire traffic with it), or over the JDK's when it is null. Each SDK
     * client made here owns {@code http} as it would its own: closing one closes {@code http}.
     */
    public SdkClientFactory(CognitoConfig config, SdkHttpClient http) {
        this.config = config;
        this.http = http;
    }

    /**
     * A client of the User Pool API ({@code cognito.endpoint} when set), each call bounded by the configured call
     * timeout, retries included, with the SDK's standard retries.
     */
    public CognitoIdentityProviderClient userPool() {
        return configure(CognitoIdentityProviderClient.builder(), config.endpoint())
                .overrideConfiguration(o -> o.apiCallTimeout(config.callTimeout())
                        .addExecutionInterceptor(CallTiming.INSTANCE)
                        .addExecutionInterceptor(JsonBufferRelease.INSTANCE))
                .build();
    }

    /**
     * A client of the identity pool API ({@code cognito.identity-endpoint} when set).
     *
     * @param callTimeout the most one call may take, its retries included
     * @param attempts    attempts per call, the first included
     * @param retryDelay  the most a retry waits before its attempt, throttled or not
     */
    public CognitoIdentityClient identityPool(Duration callTimeout, int attempts, Duration retryDelay) {
        return configure(CognitoIdentityClient.builder(), config.identityEndpoint())
                .overrideConfiguration(o -> o.apiCallTimeout(callTimeout)
                        .addExecutionInterceptor(CallTiming.INSTANCE)
                        .addExecutionInterceptor(JsonBufferRelease.INSTANCE)
                        .retryStrategy(r -> r.maxAttempts(attempts)
                                .backoffStrategy(BackoffStrategy.fixedDelay(retryDelay))
                                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(retryDelay))))
                .build();
    }

    /** What every client shares: region, endpoint, anonymous credentials, an HTTP client that it owns. */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(httpClient());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * A builder, not a client: the SDK closes an HTTP client it built itself when the SDK client closes, while one
     * handed over ready-made is left open.
     */
    private SdkHttpClient.Builder<?> httpClient() {
        if (http == null) {
            return UrlConnectionHttpClient.builder()
                    .connectionTimeout(config.connectTimeout())
                    .socketTimeout(config.readTimeout());
        }
        return new Given(http);
    }

    /** Hands {@link #http} to the SDK as though the SDK had built it, so that the SDK client owns it. */
    private record Given(SdkHttpClient client) implements SdkHttpClient.Builder<Given> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return client;
        }
    }
}
