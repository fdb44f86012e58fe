package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.it.tokens.twice.FirstTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application that declares two {@code TokenProvider} beans: its deployment fails, naming both. */
@ExtendWith(SharedPayara.class)
class TokenProviderDeploymentIT {

    private static Deployment twoProviders;

    @BeforeAll
    static void deploy(Deployer payara) {
        twoProviders = payara.deployFailing(TestWars.war("twoproviders",
                TestWars.poolSettings(CognitoFixture.shared()), SecurityConfig.class.getPackage())
                .addPackage(FirstTokens.class.getPackage()));
    }

    @Test
    void twoTokenProvidersFailTheDeploymentNamingBoth() {
        assertThat(twoProviders.output()).contains("An application may declare one TokenProvider bean")
                .contains("dev.cognitoee.it.tokens.twice.FirstTokens")
                .contains("dev.cognitoee.it.tokens.twice.SecondTokens");
        HttpResponse<String> response = Http.get(twoProviders.url("twoproviders"), "api/public");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("TokenProvider");
    }
}
