package dev.cognitoee.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.userpool.CloseCountingHttpClient;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.testing.Configs;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity pool's SDK client is made on first use and closed, with its HTTP client, when the application stops
 * ({@code @PreDestroy}); a second close does nothing, and nothing makes a new client after it.
 */
class IdentityPoolClientLifecycleTest {

    private static final CredentialsRequest ANN = new CredentialsRequest(true, CacheKeys.user("iss", "ann"),
            Map.of("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1", "ann-id-token"), null, false);

    private final RecordingHttpClient wire = new RecordingHttpClient();
    private final CloseCountingHttpClient http = new CloseCountingHttpClient(wire);
    private final IdentityPoolCredentialsProvider pool = new IdentityPoolCredentialsProvider(http, Clock.systemUTC());

    @BeforeEach
    void wire() {
        pool.config = Configs.of("cognito.user-pool-id", "eu-west-1_TestPool1", "cognito.client-id", "client",
                "cognito.identity-pool-id", "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.identity-endpoint", "http://127.0.0.1:9");
        wire.answer(200, "{\"IdentityId\":\"eu-west-1:11111111-2222-4333-8444-555555555555\",\"Credentials\":{"
                + "\"AccessKeyId\":\"ASIAFAKE\",\"SecretKey\":\"secret\",\"SessionToken\":\"session\",\"Expiration\":"
                + Instant.now().plusSeconds(3600).getEpochSecond() + "}}");
    }

    @Test
    void closeClosesTheClientInUseOnceAndASecondCloseIsHarmless() {
        pool.getCredentialsAndIdentityId(ANN);
        assertThat(http.closes()).isZero();

        pool.close();
        assertThat(http.closes()).isEqualTo(1);

        pool.close();
        assertThat(http.closes()).as("a second close").isEqualTo(1);
    }

    @Test
    void closeBeforeAnyCallHasNothingToClose() {
        pool.close();

        assertThat(http.closes()).isZero();
    }

    @Test
    void aCallAfterCloseIsServiceUnavailableAndMakesNoNewClient() {
        pool.getCredentialsAndIdentityId(ANN);
        pool.close();
        int sent = wire.sent().size();

        assertThatThrownBy(() -> pool.getCredentialsAndIdentityId(ANN))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));
        assertThat(wire.sent()).hasSize(sent);
        pool.close();
        assertThat(http.closes()).as("no client made after close, so none closed").isEqualTo(1);
    }
}
