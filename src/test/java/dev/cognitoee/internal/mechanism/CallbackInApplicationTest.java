package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.config.HostedUi;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hosted UI's callback must be a path the application serves: the deployment fails otherwise. */
class CallbackInApplicationTest {

    private static HostedUi callback(String url) {
        return new HostedUi(URI.create("https://auth.example.com"), URI.create(url), List.of("openid"), null, null,
                null, null, null);
    }

    @Test
    void aCallbackUnderTheContextPathIsAccepted() {
        assertThatCode(() -> SessionCookieInitializer.requireCallbackInApplication(
                callback("https://app.example.com/shop/callback"), "/shop")).doesNotThrowAnyException();
        assertThatCode(() -> SessionCookieInitializer.requireCallbackInApplication(
                callback("https://app.example.com/callback"), "")).as("root context").doesNotThrowAnyException();
        assertThatCode(() -> SessionCookieInitializer.requireCallbackInApplication(null, "/shop"))
                .as("no hosted UI").doesNotThrowAnyException();
    }

    @Test
    void aCallbackElsewhereFailsNamingTheKey() {
        assertThatThrownBy(() -> SessionCookieInitializer.requireCallbackInApplication(
                callback("https://app.example.com/shopping/callback"), "/shop"))
                .hasMessageContaining("cognito.redirect-uri 'https://app.example.com/shopping/callback' is not a "
                        + "URL of this application: its path must be under /shop/");
    }
}
