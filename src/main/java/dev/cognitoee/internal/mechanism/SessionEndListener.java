package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.credentials.CallerCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;

/**
 * Every end of an HTTP session forgets the AWS credentials its caller had on this node (Amplify's
 * {@code clearCredentialsAndIdentityId}): a sign-out, a refresh Cognito refuses, a sign-in (which replaces the
 * session it happens in), the session's expiry, and the application's own {@code invalidate()}. All of them end
 * the session, and the container tells CDI before the session's attributes are gone, so this is the one place.
 */
@ApplicationScoped
class SessionEndListener {

    @Inject
    CallerCredentials credentials;

    void sessionEnds(@Observes @BeforeDestroyed(SessionScoped.class) HttpSession session) {
        credentials.forgetSession(session);
    }
}
