package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FreePort;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cognito.revocation-check=cognito} with Cognito's API unreachable (its endpoint a port nobody listens on;
 * the keys still come from the emulator's JWKS): a valid token cannot be judged, and is answered 503 with
 * {@code Retry-After}, never accepted.
 */
class RevocationCognitoDownIT extends RevocationScenarios {

    private static final String APP = "revocation-cognito-down";

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(war(APP, "cognito", "cognito.endpoint", "http://127.0.0.1:" + FreePort.next(),
                "cognito.connect-timeout", "1000", "cognito.read-timeout", "1000")).url(APP);
    }

    @Override
    String app() {
        return APP;
    }

    @Test
    void aValidTokenThatCannotBePutToCognitoIsAnswered503() {
        String username = newUser("unreachable");
        String token = fixture().signIn(username).accessToken();

        for (int i = 0; i < 2; i++) { // the failure is not remembered as an answer either way
            Instant start = Instant.now();
            HttpResponse<String> response = me(token);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).doesNotContain(token).doesNotContain("127.0.0.1");
            assertThat(Duration.between(start, Instant.now())).as("bounded").isLessThan(Duration.ofSeconds(30));
        }
    }
}
