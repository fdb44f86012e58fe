package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.Sealers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a sign-in does to the session it happens in. */
class SessionStoreTest {

    private static final String FEDERATED_LOGINS = "dev.cognitoee.credentials.federatedLogins";
    private static final String GUEST_IDENTITY = "dev.cognitoee.credentials.guestIdentityId";

    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();

    private static SessionTokens tokensOf(String username) {
        return new SessionTokens(username, "access-" + username, "id-" + username,
                Sealers.refreshToken("refresh-" + username), Instant.now().plusSeconds(3600));
    }

    @Test
    void aSignInStartsACleanSessionKeepingOnlyThePageAskedFor() {
        HttpSession before = request.getSession(true);
        String idBefore = before.getId();
        before.setAttribute(FEDERATED_LOGINS, new HashMap<>(Map.of("graph.facebook.com", "alice-facebook-token")));
        before.setAttribute(GUEST_IDENTITY, "eu-west-1:guest-of-alice");
        before.setAttribute("application.cart", "alice's cart");
        SessionStore.saveRequest(request, "/app/orders?page=2");

        SessionStore.signIn(request, tokensOf("bob"));

        assertThat(browser.sessionId()).as("a new session id").isNotEqualTo(idBefore);
        assertThat(browser.attribute(FEDERATED_LOGINS)).as("the previous caller's federated logins").isNull();
        assertThat(browser.attribute(GUEST_IDENTITY)).as("the previous caller's guest identity").isNull();
        assertThat(browser.attribute("application.cart")).isNull();
        assertThat(SessionStore.tokens(request).username()).isEqualTo("bob");
        assertThat(SessionStore.takeSavedRequest(request)).isEqualTo("/app/orders?page=2");
    }

    @Test
    void aSignInOverAnotherUsersSessionLeavesNothingOfTheirs() {
        SessionStore.signIn(request, tokensOf("alice"));
        HttpSession alices = request.getSession(false);
        alices.setAttribute(FEDERATED_LOGINS, new HashMap<>(Map.of("accounts.google.com", "alice-google-token")));

        SessionStore.signIn(request, tokensOf("bob"));

        assertThat(SessionStore.tokens(request).username()).isEqualTo("bob");
        assertThat(browser.attribute(FEDERATED_LOGINS)).isNull();
        assertThat(SessionStore.tokens(alices)).as("alice's session is ended, not reused").isNull();
    }

    @Test
    void aSignInWithoutASessionCreatesOne() {
        SessionStore.signIn(request, tokensOf("carol"));

        assertThat(browser.sessionId()).isNotNull();
        assertThat(SessionStore.tokens(request).username()).isEqualTo("carol");
        assertThat(SessionStore.takeSavedRequest(request)).isNull();
    }
}
