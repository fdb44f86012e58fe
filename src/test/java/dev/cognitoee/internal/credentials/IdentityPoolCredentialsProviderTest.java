package dev.cognitoee.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.MutableClock;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity pool's calls as they go over the wire, how long identity ids are kept, and what errors say. */
class IdentityPoolCredentialsProviderTest {

    private static final String IDENTITY = "eu-west-1:11111111-2222-4333-8444-555555555555";
    private static final CredentialsRequest ANN = new CredentialsRequest(true, CacheKeys.user("iss", "ann"),
            Map.of("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1", "ann-id-token"), null, false);

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final IdentityPoolCredentialsProvider pool = new IdentityPoolCredentialsProvider(http, clock);

    @BeforeEach
    void wire() {
        pool.config = Configs.of("cognito.user-pool-id", "eu-west-1_TestPool1", "cognito.client-id", "client",
                "cognito.identity-pool-id", "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.identity-endpoint", "http://127.0.0.1:9", "cognito.connect-timeout", "1000",
                "cognito.read-timeout", "2000");
        // One body answers both calls: GetId reads IdentityId, GetCredentialsForIdentity both fields.
        http.answer(200, "{\"IdentityId\":\"" + IDENTITY + "\",\"Credentials\":{\"AccessKeyId\":\"ASIAFAKE\","
                + "\"SecretKey\":\"secret\",\"SessionToken\":\"session\",\"Expiration\":"
                + Instant.now().plusSeconds(3600).getEpochSecond() + "}}");
    }

    private long calls(String operation) {
        return http.sent().stream().filter(s -> s.target().endsWith("." + operation)).count();
    }

    @Test
    void theIdentityIdIsRememberedForAnHourThenAskedForAgain() {
        assertThat(pool.getCredentialsAndIdentityId(ANN).identityId()).isEqualTo(IDENTITY);
        clock.advance(Duration.ofMinutes(59));
        pool.getCredentialsAndIdentityId(ANN);
        assertThat(calls("GetId")).isEqualTo(1);
        assertThat(calls("GetCredentialsForIdentity")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        pool.getCredentialsAndIdentityId(ANN);

        assertThat(calls("GetId")).isEqualTo(2);
    }

    @Test
    void clearingACallerForgetsItsIdentityId() {
        pool.getCredentialsAndIdentityId(ANN);
        pool.clearCredentialsAndIdentityId(ANN.cacheKey());
        pool.getCredentialsAndIdentityId(ANN);

        assertThat(calls("GetId")).isEqualTo(2);
    }

    @Test
    void anIdentityThePoolNoLongerKnowsIsLookedUpAgainNextTime() {
        pool.getCredentialsAndIdentityId(ANN);
        http.thenAnswer(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Identity 'x' not found.\"}");

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN)).isInstanceOf(CognitoAuthException.class);
        pool.getCredentialsAndIdentityId(ANN);

        assertThat(calls("GetId")).isEqualTo(2);
    }

    @Test
    void anOutageIsServiceUnavailableInTheModulesWordsAfterOneRetry() {
        http.answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"node 10.0.3.7 is down\"}");

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE);
                    assertThat(e.cognitoErrorCode()).isEqualTo("InternalErrorException");
                    assertThat(e.getMessage()).isEqualTo(
                            "The identity pool cannot be reached or failed; try again shortly (InternalErrorException)");
                });
        assertThat(http.sent()).hasSize(FetchBounds.ATTEMPTS);
    }

    @Test
    void throttlingIsTooManyRequestsAfterOneRetry() {
        http.answer(400, "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}");

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.TOO_MANY_REQUESTS);
                    assertThat(e.getMessage()).startsWith("The identity pool is throttling requests");
                });
        assertThat(http.sent()).hasSize(FetchBounds.ATTEMPTS);
    }

    @Test
    void anUnreachablePoolIsServiceUnavailableWithoutTheSdksText() {
        http.failWith(new ConnectException("Connection refused to 127.0.0.1:9"));

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN))
                .isInstanceOfSatisfying(CognitoAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("127.0.0.1");
                });
    }

    @Test
    void withoutAnIdentityPoolThereAreNoCredentials() {
        pool.config = Configs.of("cognito.user-pool-id", "eu-west-1_TestPool1", "cognito.client-id", "client");

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NO_IDENTITY_POOL));
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void callsAreBoundedByTheConfiguredTimeouts() {
        // 2 attempts of (1 s + 2 s), one retry delay of 0.5 s at most
        assertThat(FetchBounds.perCall(pool.config)).isEqualTo(Duration.ofMillis(6500));
        // the defaults: 2 calls of 2 attempts of (5 s + 5 s) plus 0.5 s, and 1 s of slack
        assertThat(FetchBounds.waitForFetch(Configs.of("cognito.user-pool-id", "eu-west-1_TestPool1",
                "cognito.client-id", "client"))).isEqualTo(Duration.ofSeconds(42));
    }
}
