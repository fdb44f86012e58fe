package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Deployer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code cognito.revocation-check=cognito}: each new access token is put to the emulator's GetUser, so a user
 * deleted by an administrator (AdminDeleteUser) loses access before the token's {@code exp}; {@code local} holds too.
 *
 * <p>What this cannot show: the emulator has no GlobalSignOut, and its GetUser checks neither the token's signature
 * nor its expiry nor a revocation, so the refusal of a globally signed-out or revoked token by real Cognito
 * ({@code NotAuthorizedException}) is covered on the wire by {@code GetUserTokenCheckTest} only. Cognito being
 * unreachable (503) is covered by {@code RevocationCognitoDownIT}.
 */
class RevocationCognitoIT extends RevocationScenarios {

    private static final String APP = "revocation-cognito";
    private static final int CACHE_SECONDS = 2;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(war(APP, "cognito", "cognito.revocation-cache-time", Integer.toString(CACHE_SECONDS)))
                .url(APP);
    }

    @Override
    String app() {
        return APP;
    }

    @Test
    void theTokenOfADeletedUserIsRefusedTheFirstTimeItIsSeen() {
        String username = newUser("deleted");
        String token = fixture().signIn(username).accessToken();

        deleteUser(username);

        assertRevoked(token);
    }

    @Test
    void aTokenInUseIsRefusedWithinTheCacheTimeOnceItsUserIsDeleted() throws Exception {
        String username = newUser("in-use");
        String token = fixture().signIn(username).accessToken();
        assertAccepted(token, username);

        deleteUser(username);

        // GetUser's yes is trusted for CACHE_SECONDS: poll, bounded, until the next question is asked.
        Instant deadline = Instant.now().plusSeconds(CACHE_SECONDS + 10);
        HttpResponse<String> response = me(token);
        while (response.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = me(token);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertRevoked(token);
    }

    @Test
    void aSignedOutSessionIsRefusedWithoutAskingCognitoAgain() {
        String username = newUser("cognito-local");
        Browser browser = new Browser(base);
        String token = signIn(browser, username);
        assertAccepted(token, username);

        signOut(browser, false);

        assertRevoked(token); // the emulator's RevokeToken drops the refresh token only: this refusal is the module's
    }

    @Test
    void aLiveUsersTokenIsAccepted() {
        String username = newUser("alive");
        assertAccepted(fixture().signIn(username).accessToken(), username);
    }

    private static void deleteUser(String username) {
        try (CognitoIdentityProviderClient cognito = fixture().emulator().client()) {
            cognito.adminDeleteUser(b -> b.userPoolId(fixture().poolId).username(username));
        }
    }
}
