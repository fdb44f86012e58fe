package dev.cognitoee.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.internal.config.HostedUi;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostedUiUrlsTest {

    private static final PendingRedirect PENDING = new PendingRedirect("st-1", "no-1", "ver", "/app/", null, null,
            Instant.EPOCH);

    private static HostedUi ui(String identityProvider, String idpIdentifier, String lang, String prompt) {
        return new HostedUi(URI.create("https://auth.example.com/"), URI.create("https://app.example.com/app/cb?x=1"),
                List.of("openid", "email", "aws.cognito.signin.user.admin"), URI.create("https://app.example.com/bye"),
                identityProvider, idpIdentifier, lang, prompt);
    }

    @Test
    void theAuthorizeUrlCarriesTheCodeFlowWithPkceStateAndNonce() {
        URI authorize = HostedUiUrls.authorize(ui(null, null, null, null), "client1", PENDING, "chal", null);

        assertThat(authorize.toString()).isEqualTo("https://auth.example.com/oauth2/authorize?response_type=code"
                + "&client_id=client1&redirect_uri=https%3A%2F%2Fapp.example.com%2Fapp%2Fcb%3Fx%3D1"
                + "&scope=openid%20email%20aws.cognito.signin.user.admin&state=st-1&nonce=no-1"
                + "&code_challenge=chal&code_challenge_method=S256");
    }

    @Test
    void theNamedProviderWinsOverTheConfiguredDefaults() {
        HostedUi withDefaults = ui("Okta", "example.com", "fr", "login");

        assertThat(HostedUiUrls.authorize(withDefaults, "c", PENDING, "x", "Google").getRawQuery())
                .contains("&identity_provider=Google&lang=fr&prompt=login").doesNotContain("Okta", "idp_identifier");
        assertThat(HostedUiUrls.authorize(withDefaults, "c", PENDING, "x", null).getRawQuery())
                .contains("&identity_provider=Okta&lang=fr").doesNotContain("idp_identifier");
        assertThat(HostedUiUrls.authorize(ui(null, "example.com", null, null), "c", PENDING, "x", null).getRawQuery())
                .endsWith("&idp_identifier=example.com");
    }

    @Test
    void theLogoutUrlUsesCognitosParametersNotOidcs() {
        URI logout = HostedUiUrls.logout(ui(null, null, null, null), "client1");

        assertThat(logout.toString()).isEqualTo("https://auth.example.com/logout?client_id=client1"
                + "&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye");
        assertThat(HostedUiUrls.token(ui(null, null, null, null)))
                .isEqualTo(URI.create("https://auth.example.com/oauth2/token"));
    }
}
