package dev.cognitoee.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.RecordingEvents;
import dev.cognitoee.testing.TokenMinter;
import dev.cognitoee.userpool.RecordingHttpClient;
import dev.cognitoee.userpool.UserPoolClient;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a session's tokens are refreshed, and what a refused or failed refresh does to the session. */
class TokenRefresherTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final FakeHttp browser = new FakeHttp();
    private final HttpServletRequest request = browser.request();
    private final RecordingEvents recorder = new RecordingEvents();
    private final List<Object> events = recorder.fired();
    private final TokenRefresher refresher = new TokenRefresher();

    @BeforeEach
    void wire() throws Exception {
        CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client",
                "cognito.refresh-ahead", "120");
        refresher.config = config;
        refresher.userPool = UserPoolClient.forPool(config, http);
        refresher.events = recorder;
    }

    private SessionTokens signedIn(Instant expiresAt) {
        SessionTokens tokens = new SessionTokens("alice", "access-0", "id-0", "refresh-0", expiresAt);
        SessionStore.signIn(request, tokens);
        return tokens;
    }

    @Test
    void tokensFarFromExpiryAreServedWithoutCallingCognito() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(600));
        assertThat(refresher.current(request.getSession(false), tokens)).isSameAs(tokens);
        assertThat(http.sent()).isEmpty();
    }

    @Test
    void tokensDueAreRefreshedAndStoredKeepingTheRefreshToken() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(100));
        Instant now = Instant.now();
        http.answer(200, "{\"AuthenticationResult\":{\"AccessToken\":\"" + POOL.access(now) + "\",\"IdToken\":\""
                + POOL.sign(TokenMinter.idClaims(now)) + "\"},\"ChallengeParameters\":{}}");

        SessionTokens fresh = refresher.current(request.getSession(false), tokens);

        assertThat(http.last().body()).contains("REFRESH_TOKEN_AUTH").contains("refresh-0");
        assertThat(fresh.expiresAt()).isEqualTo(Instant.ofEpochSecond(now.plusSeconds(3600).getEpochSecond()));
        assertThat(fresh.refreshToken()).isEqualTo("refresh-0");
        assertThat(SessionStore.tokens(request)).isEqualTo(fresh);
        assertThat(events).singleElement().isInstanceOf(TokenRefreshed.class);
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Refresh Token has been revoked\"}");

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.NOT_AUTHORIZED));

        assertThat(SessionStore.tokens(request)).isNull();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(TokenRefreshFailed.class, e -> assertThat(e.signedOut()).isTrue());
        assertThat(events.get(1)).isInstanceOfSatisfying(SignedOut.class,
                e -> assertThat(e.reason()).isEqualTo(SignedOut.Reason.REFRESH_REFUSED));
    }

    @Test
    void aNetworkFailureKeepsTheTokens() {
        SessionTokens tokens = signedIn(Instant.now().plusSeconds(30));
        http.failWith(new ConnectException("Connection refused"));

        assertThatThrownBy(() -> refresher.current(request.getSession(false), tokens))
                .isInstanceOfSatisfying(CognitoAuthException.class,
                        e -> assertThat(e.error()).isEqualTo(AuthError.SERVICE_UNAVAILABLE));

        assertThat(SessionStore.tokens(request)).isEqualTo(tokens);
        assertThat(events).singleElement().isInstanceOfSatisfying(TokenRefreshFailed.class,
                e -> assertThat(e.signedOut()).isFalse());
    }
}
