package dev.cognitoee.internal.userpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.metrics.CallTimes;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.testing.Configs;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every call the SDK clients make is timed by operation, its outcome counted: through the real SDK client the
 * factory builds, over a recorded HTTP client (the counters are per class loader: the test compares deltas).
 */
class CallTimingTest {

    private final RecordingHttpClient http = new RecordingHttpClient();

    private UserPoolClient client() {
        return UserPoolClient.forPool(Configs.of("cognito.user-pool-id", "eu-west-1_AbC123",
                "cognito.client-id", "4f1client"), http);
    }

    @Test
    void callsAreCountedAndTimedByOperationAndFailuresApart() {
        CallTimes calls = Metrics.COGNITO_CALLS;
        long initiateAuth = calls.calls("InitiateAuth");
        long initiateAuthFailures = calls.failures("InitiateAuth");
        double seconds = calls.seconds("InitiateAuth");
        long getUser = calls.calls("GetUser");
        http.beforeAnswer(() -> sleep(20));
        UserPoolClient client = client();

        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"a\"}}");
        client.passwordAuth("alice", "pw", Map.of());
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
        assertThatThrownBy(() -> client.passwordAuth("alice", "wrong", Map.of()))
                .isInstanceOf(CognitoAuthException.class);

        assertThat(calls.calls("InitiateAuth") - initiateAuth).isEqualTo(2);
        assertThat(calls.failures("InitiateAuth") - initiateAuthFailures).isEqualTo(1);
        assertThat(calls.seconds("InitiateAuth") - seconds).as("two calls of 20 ms at least").isGreaterThan(0.039);
        assertThat(calls.calls("GetUser")).isEqualTo(getUser);
    }

    @Test
    void aNetworkFailureIsAFailedCall() {
        long failures = Metrics.COGNITO_CALLS.failures("GetUser");
        http.failWith(new IOException("connection refused"));

        assertThatThrownBy(() -> client().getUser("token")).isInstanceOf(CognitoAuthException.class);

        assertThat(Metrics.COGNITO_CALLS.failures("GetUser") - failures).isPositive();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
