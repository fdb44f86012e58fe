package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.Configs;
import org.junit.jupiter.api.Test;

/** The startup line names what the module serves and where, and no secret. */
class StartupLineTest {

    @Test
    void theLineNamesVersionPoolClientsModeCredentialsAndServer() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id",
                "webclient,apiclient", "cognito.client-secret", "very-secret-value",
                "cognito.identity-pool-id", "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001");

        String line = StartupLine.text(config, "1.2.3", null, "/shop", "Payara Micro 6.2025.10", 6, 0);

        assertThat(line).isEqualTo("Cognito EE 1.2.3 is active in /shop: user pool eu-west-1_AbC123 (region "
                + "eu-west-1), app client(s) webclient, apiclient (with a client secret), sign-in form, bearer tokens "
                + "access, credentials on (identity pool eu-west-1:0f0f0f0f-0000-4000-8000-000000000001); server "
                + "Payara Micro 6.2025.10, Servlet 6.0 (Jakarta EE 10)");
        assertThat(line).doesNotContain("very-secret-value");
    }

    @Test
    void credentialsAreOffWithoutAnIdentityPoolAndTheApplicationsProviderIsNamed() {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "c");

        assertThat(StartupLine.text(config, "1", null, "", "Payara Server 7", 6, 1))
                .contains("active in /:").contains("credentials off;").endsWith("Servlet 6.1 (Jakarta EE 11)");
        assertThat(StartupLine.text(config, "1", "com.example.MyProvider", "/a", "x", 6, 0))
                .contains("credentials on (the application's com.example.MyProvider)");
    }

    @Test
    void srpSignInIsNamedAndThePasswordFlowIsNot() {
        CognitoConfig srp = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "c",
                "cognito.sign-in.auth-flow", "USER_SRP_AUTH");
        CognitoConfig password = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "c");

        assertThat(StartupLine.text(srp, "1", null, "/a", "x", 6, 0)).contains(", sign-in form (USER_SRP_AUTH), ");
        assertThat(StartupLine.text(password, "1", null, "/a", "x", 6, 0)).contains(", sign-in form, ")
                .doesNotContain("AUTH");
    }

    @Test
    void anUnknownServletVersionIsSaidSo() {
        assertThat(StartupLine.jakartaEe(7, 0)).isEqualTo("Jakarta EE version unknown");
        assertThat(StartupLine.jakartaEe(5, 0)).isEqualTo("Jakarta EE 9");
    }

    @Test
    void theVersionComesFromTheBuild() {
        assertThat(StartupLine.moduleVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
