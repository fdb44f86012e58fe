package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.Configs;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.thirdparty.jackson.core.util.BufferRecyclers;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Every SDK client comes from {@link SdkClientFactory} with the configured region, endpoints and retries, and
 * owns its HTTP client and threads: closing the client (or the {@link UserPoolClient} around it) releases them,
 * once, however often it is closed.
 */
class SdkClientFactoryTest {

    private static final String SDK_SCHEDULER = "sdk-ScheduledExecutor";

    private final RecordingHttpClient wire = new RecordingHttpClient().answer(200, "{}");
    private final CloseCountingHttpClient http = new CloseCountingHttpClient(wire);
    private final CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1client", "cognito.endpoint", "http://127.0.0.1:9229",
            "cognito.identity-pool-id", "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
            "cognito.identity-endpoint", "http://127.0.0.1:9339");
    private final SdkClientFactory factory = new SdkClientFactory(config, http);

    @Test
    void theUserPoolClientCallsTheUserPoolEndpointInTheConfiguredRegion() {
        try (CognitoIdentityProviderClient client = factory.userPool()) {
            client.getUser(b -> b.accessToken("token"));
        }
        assertThat(wire.last().request().getUri().toString()).isEqualTo("http://127.0.0.1:9229/");
        assertThat(wire.last().target()).isEqualTo("AWSCognitoIdentityProviderService.GetUser");
    }

    @Test
    void theIdentityPoolClientCallsTheIdentityEndpointWithTheGivenAttempts() {
        wire.answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"down\"}");
        try (CognitoIdentityClient client = factory.identityPool(Duration.ofSeconds(5), 3, Duration.ofMillis(1))) {
            assertThatThrownBy(() -> client.getId(b -> b.identityPoolId("eu-west-1:pool")))
                    .hasMessageContaining("down");
        }
        assertThat(wire.sent()).hasSize(3);
        assertThat(wire.last().request().getUri().toString()).isEqualTo("http://127.0.0.1:9339/");
        assertThat(wire.last().target()).isEqualTo("AWSCognitoIdentityService.GetId");
    }

    @Test
    void closingTheUserPoolClientClosesItsHttpClientOnceAndASecondCloseIsHarmless() {
        UserPoolClient userPool = UserPoolClient.forPool(config, http);
        userPool.getUser("token");
        assertThat(http.closes()).isZero();

        userPool.close();
        assertThat(http.closes()).isEqualTo(1);

        userPool.close();
        assertThat(http.closes()).as("a second close").isEqualTo(1);
    }

    @Test
    void aClosedUserPoolClientRefusesCallsAsUnavailableWithoutSendingThem() {
        UserPoolClient userPool = UserPoolClient.forPool(config, http);
        userPool.close();

        assertThatThrownBy(() -> userPool.getUser("token")).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));
        assertThat(wire.sent()).isEmpty();
    }

    @Test
    void closingAClientStopsTheSdkThreadsItStarted() throws InterruptedException {
        Set<Thread> before = sdkThreads();
        CognitoIdentityProviderClient client = factory.userPool();
        client.getUser(b -> b.accessToken("token")); // the call timeout runs on the SDK's scheduler
        Set<Thread> started = sdkThreads();
        started.removeAll(before);
        assertThat(started).as("threads the call started").isNotEmpty();

        client.close();

        Instant deadline = Instant.now().plusSeconds(10);
        for (Thread thread : started) {
            thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
        assertThat(started).as("the SDK's threads after close").noneMatch(Thread::isAlive);
    }

    @Test
    void callsLeaveNoJsonBuffersOnTheCallingThreadSucceededOrFailed() {
        try (CognitoIdentityProviderClient client = factory.userPool()) {
            client.getUser(b -> b.accessToken("token"));
            assertThat(SdkJsonBuffers.ofThisThread()).as("after a call").isNull();

            wire.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid Access Token\"}");
            assertThatThrownBy(() -> client.getUser(b -> b.accessToken("token"))).hasMessageContaining("Invalid");
            assertThat(SdkJsonBuffers.ofThisThread()).as("after a failed call").isNull();
        }
    }

    private static Set<Thread> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(SDK_SCHEDULER))
                .collect(Collectors.toSet());
    }

    /** Reads the SDK's Jackson buffers of the current thread (a protected field, hence the subclass). */
    private static final class SdkJsonBuffers extends BufferRecyclers {
        static Object ofThisThread() {
            java.lang.ref.SoftReference<?> buffers = _recyclerRef.get();
            return buffers == null ? null : buffers.get();
        }
    }
}
