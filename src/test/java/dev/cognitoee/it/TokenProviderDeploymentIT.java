package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.it.tokens.twice.FirstTokens;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An application that declares two {@code TokenProvider} beans: its deployment fails, naming both. */
class TokenProviderDeploymentIT {

    private static PayaraMicroProcess payara;

    @BeforeAll
    static void boot() {
        payara = PayaraMicroProcess.boot("payara-token-providers", List.of(
                TestWars.war("twoproviders", TestWars.poolSettings(CognitoFixture.shared()),
                        SecurityConfig.class.getPackage()).addPackage(FirstTokens.class.getPackage())));
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void twoTokenProvidersFailTheDeploymentNamingBoth() {
        assertThat(payara.output()).contains("An application may declare one TokenProvider bean")
                .contains("dev.cognitoee.it.tokens.twice.FirstTokens")
                .contains("dev.cognitoee.it.tokens.twice.SecondTokens");
        assertThat(Http.get(payara.url("twoproviders"), "api/public").statusCode()).isEqualTo(404);
    }
}
