package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hosted-UI settings: defaults, the two kinds of domain, and the deployment failures that name their key. */
class HostedUiConfigTest {

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    @Test
    void withoutADomainThereIsNoHostedUiAndSignInIsTheForm() throws Exception {
        CognitoConfig config = read();

        assertThat(config.signIn()).isEqualTo(SignIn.FORM);
        assertThat(config.hostedUi()).isNull();
    }

    @Test
    void aPrefixDomainIsServedUnderTheRegionsAmazonCognitoDomain() throws Exception {
        settings.putAll(Map.of("cognito.sign-in", "hosted-ui", "cognito.hosted-ui.domain", "myapp",
                "cognito.redirect-uri", "https://app.example.com/callback"));
        HostedUi ui = read().hostedUi();

        assertThat(ui.baseUri()).isEqualTo(URI.create("https://myapp.auth.eu-west-1.amazoncognito.com"));
        assertThat(ui.redirectUri()).isEqualTo(URI.create("https://app.example.com/callback"));
        assertThat(ui.scopes()).containsExactly("openid", "email", "profile", "aws.cognito.signin.user.admin");
        assertThat(ui.logoutUri()).isNull();
        assertThat(read().signIn()).isEqualTo(SignIn.HOSTED_UI);
    }

    @Test
    void aCustomDomainIsItsOwnHostAndTheEndpointOverridesBoth() throws Exception {
        settings.putAll(Map.of("cognito.hosted-ui.domain", "auth.example.com",
                "cognito.redirect-uri", "https://app.example.com/callback",
                "cognito.logout-uri", "https://app.example.com/bye",
                "cognito.scopes", "openid  email,phone",
                "cognito.hosted-ui.identity-provider", "Google",
                "cognito.hosted-ui.lang", "pt-BR",
                "cognito.hosted-ui.prompt", "login"));
        HostedUi ui = read().hostedUi();
        assertThat(ui.baseUri()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(ui.scopes()).containsExactly("openid", "email", "phone");
        assertThat(ui.logoutUri()).isEqualTo(URI.create("https://app.example.com/bye"));
        assertThat(List.of(ui.identityProvider(), ui.lang(), ui.prompt())).containsExactly("Google", "pt-BR", "login");

        settings.put("cognito.hosted-ui.endpoint", "http://localhost:9229");
        assertThat(read().hostedUi().baseUri()).isEqualTo(URI.create("http://localhost:9229"));
    }

    @Test
    void hostedUiSignInWithoutADomainFailsNamingTheKey() {
        settings.put("cognito.sign-in", "hosted-ui");

        assertThat(problems()).singleElement().asString().startsWith("cognito.hosted-ui.domain is missing");
    }

    @Test
    void aHostedUiNeedsACallbackAndOpenidAndACookieThatReachesTheCallback() {
        settings.putAll(Map.of("cognito.hosted-ui.domain", "myapp", "cognito.scopes", "email profile",
                "cognito.session-cookie-same-site", "Strict"));

        List<String> problems = problems();
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("cognito.redirect-uri is missing");
        assertThat(problems.get(1)).startsWith("cognito.scopes 'email profile' must include openid");
        assertThat(problems.get(2)).startsWith("cognito.session-cookie-same-site 'Strict'");
    }

    @Test
    void malformedValuesAreRefusedNamingTheirKeys() {
        settings.putAll(Map.of("cognito.sign-in", "popup",
                "cognito.hosted-ui.domain", "https://myapp",
                "cognito.redirect-uri", "http://app.example.com/callback",
                "cognito.logout-uri", "https://app.example.com/bye#top",
                "cognito.hosted-ui.endpoint", "http://emulator.example.com",
                "cognito.scopes", "openid \"quoted\"",
                "cognito.hosted-ui.prompt", "always"));

        assertThat(problems()).anyMatch(p -> p.startsWith("cognito.sign-in 'popup' must be"))
                .anyMatch(p -> p.startsWith("cognito.hosted-ui.domain 'https://myapp' is not"))
                .anyMatch(p -> p.startsWith("cognito.redirect-uri 'http://app.example.com/callback' must be an https"))
                .anyMatch(p -> p.startsWith("cognito.logout-uri 'https://app.example.com/bye#top' must be"))
                .anyMatch(p -> p.startsWith("cognito.hosted-ui.endpoint 'http://emulator.example.com' must be"))
                .anyMatch(p -> p.startsWith("cognito.scopes '\"quoted\"' is not an OAuth scope"))
                .anyMatch(p -> p.startsWith("cognito.hosted-ui.prompt 'always' must be"));
    }

    @Test
    void aLoopbackCallbackMayBePlainHttp() throws Exception {
        settings.putAll(Map.of("cognito.hosted-ui.domain", "myapp",
                "cognito.redirect-uri", "http://localhost:8080/app/callback"));

        assertThat(read().hostedUi().redirectUri()).isEqualTo(URI.create("http://localhost:8080/app/callback"));
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    private List<String> problems() {
        return catchThrowableOfType(InvalidConfigurationException.class, this::read).problems();
    }
}
