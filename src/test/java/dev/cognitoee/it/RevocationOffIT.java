package dev.cognitoee.it;

import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Deployer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cognito.revocation-check=off}, the default: a signed-out session's access token stays valid until its
 * {@code exp}, as it does for any stateless verifier of Cognito tokens. This is the documented behaviour, checked so
 * that the documentation stays true.
 */
class RevocationOffIT extends RevocationScenarios {

    private static final String APP = "revocation-off";

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(war(APP, "off")).url(APP);
    }

    @Override
    String app() {
        return APP;
    }

    @Test
    void aSignedOutSessionsAccessTokenStaysValidUntilItsExpiry() {
        String username = newUser("off");
        Browser browser = new Browser(base);
        String token = signIn(browser, username);
        assertAccepted(token, username);

        signOut(browser, false);

        assertAccepted(token, username);
    }
}
