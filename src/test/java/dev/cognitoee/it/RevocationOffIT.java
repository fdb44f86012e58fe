package dev.cognitoee.it;

import dev.cognitoee.it.support.Browser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code cognito.revocation-check=off}, the default: a signed-out session's access token stays valid until its
 * {@code exp}, as it does for any stateless verifier of Cognito tokens. This is the documented behaviour, checked so
 * that the documentation stays true.
 */
class RevocationOffIT extends RevocationScenarios {

    private static final String APP = "revocation-off";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war(APP, "off");
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
