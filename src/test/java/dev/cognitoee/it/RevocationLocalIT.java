package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Deployer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cognito.revocation-check=local}: the tokens of a session signed out through {@code CognitoAuth.signOut}
 * are refused on this node from then on, cached or not; other sessions of the same user are not touched.
 */
class RevocationLocalIT extends RevocationScenarios {

    private static final String APP = "revocation-local";

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(war(APP, "local")).url(APP);
    }

    @Override
    String app() {
        return APP;
    }

    @Test
    void aSignedOutSessionsAccessTokenIsRefusedWhileTheUsersOtherSessionsGoOn() {
        String username = newUser("local");
        Browser phone = new Browser(base);
        Browser laptop = new Browser(base);
        String phoneToken = signIn(phone, username);
        String laptopToken = signIn(laptop, username);
        String direct = fixture().signIn(username).accessToken(); // a third session, outside this application
        assertAccepted(phoneToken, username); // verified and now in the verified-token cache
        assertAccepted(laptopToken, username);

        signOut(phone, false);

        assertRevoked(phoneToken);
        assertRevoked(phoneToken); // and again: the refusal does not depend on a cache miss
        assertAccepted(laptopToken, username);
        assertAccepted(direct, username);
        assertThat(phone.get("api/me").statusCode()).as("the session itself is gone").isEqualTo(401);
    }

    @Test
    void aGlobalSignOutRefusesThisSessionsTokensHereEvenThoughTheEmulatorCannotSignOutGlobally() {
        // cognito-local answers GlobalSignOut with 500 Unsupported: the module still ends and records the session.
        String username = newUser("global");
        Browser browser = new Browser(base);
        String token = signIn(browser, username);
        assertAccepted(token, username);

        signOut(browser, true);

        assertRevoked(token);
    }
}
