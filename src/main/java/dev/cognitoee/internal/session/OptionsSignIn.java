package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInOptions;
import dev.cognitoee.SignInResult;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;

/**
 * {@code signIn} with options (Amplify's {@code authFlowType}): a custom auth ({@code CUSTOM_AUTH}) or a choice-based
 * sign-in ({@code USER_AUTH}), each started here and continued by {@code confirmSignIn} like any challenge.
 */
@ApplicationScoped
public class OptionsSignIn {

    /** The first factors of a choice-based sign-in (Cognito's names, as Amplify's {@code preferredChallenge}). */
    static final Set<String> FIRST_FACTORS = Set.of("PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN");

    @Inject
    SignInFlow signInFlow;

    @Inject
    UserPoolClient userPool;

    @Inject
    @ModuleClock
    Clock clock;

    /** Starts the sign-in {@code options} describe, refusing options that cannot work before calling Cognito. */
    public SignInResult signIn(HttpServletRequest request, String username, String password, SignInOptions options) {
        if (username == null || username.isBlank()) {
            throw invalid("A username is required");
        }
        if (options.authFlowType() == SignInOptions.AuthFlowType.CUSTOM_WITHOUT_SRP) {
            if (options.preferredChallenge() != null) {
                throw invalid("A custom-auth sign-in takes no preferred challenge: the pool's triggers choose");
            }
            return signInFlow.startSignIn(request, username, SignInMethod.PASSWORD,
                    () -> userPool.customAuth(username, options.clientMetadata()));
        }
        String preferred = options.preferredChallenge();
        if (preferred != null && !FIRST_FACTORS.contains(preferred)) {
            throw invalid("The preferred challenge must be one of " + FIRST_FACTORS);
        }
        if (preferred != null && FirstFactor.PASSWORD_FACTORS.contains(preferred)
                && (password == null || password.isEmpty())) {
            throw invalid("The preferred challenge " + preferred + " needs the password");
        }
        return signInFlow.startSignIn(request, username, SignInMethod.PASSWORD,
                () -> userPool.userAuth(username, password, preferred, options.clientMetadata(), clock));
    }

    private static CognitoAuthException invalid(String message) {
        return new CognitoAuthException(AuthError.INVALID_PARAMETER, message);
    }
}
