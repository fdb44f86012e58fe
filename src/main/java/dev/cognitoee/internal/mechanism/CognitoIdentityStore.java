package dev.cognitoee.internal.mechanism;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SignInFlow;
import dev.cognitoee.internal.token.CognitoJsonWebToken;
import dev.cognitoee.internal.token.VerifiedToken;
import dev.cognitoee.internal.userpool.CognitoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * The Cognito user pool as a Jakarta Security identity store:
 * <ul>
 *   <li>a {@link VerifiedToken} (bearer token or session) becomes the caller: the token as principal (a
 *   {@code JsonWebToken}) and its groups;</li>
 *   <li>a {@link UsernamePasswordCredential} (a sign-in form, or {@code SecurityContext.authenticate}) is checked by
 *   Cognito (InitiateAuth); on success the HTTP session is signed in.</li>
 * </ul>
 * It validates and provides groups; other identity stores of the application may add groups of their own.
 */
@ApplicationScoped
class CognitoIdentityStore implements IdentityStore {

    @Inject
    SignInFlow signInFlow;

    @Inject
    SessionCaller sessionCaller;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        // Overridden (instead of validate(X) methods found by reflection) to keep the per-request cost low.
        if (credential instanceof VerifiedToken token) {
            return new CredentialValidationResult(new CognitoJsonWebToken(token), token.groups());
        }
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordSignIn(password);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult passwordSignIn(UsernamePasswordCredential credential) {
        SignInResult result;
        try {
            result = signInFlow.passwordSignIn(request, credential.getCaller(), credential.getPasswordAsString(),
                    Map.of(), SignInMethod.FORM);
        } catch (CognitoAuthException e) {
            SignInAttempt.record(request, new SignInAttempt(null, e));
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!result.isSignedIn()) {
            SignInAttempt.record(request, new SignInAttempt(result, null));
            return CredentialValidationResult.INVALID_RESULT;
        }
        // The session now holds Cognito's tokens; they are checked like any other before anyone is signed in with
        // them. Whatever stops that ends the session again: no session is left half-made.
        VerifiedToken token;
        try {
            token = sessionCaller.verifiedToken(request);
        } catch (CognitoAuthException e) {
            SessionStore.end(request);
            SignInAttempt.record(request, new SignInAttempt(null, e));
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (token == null) { // refused: SessionCaller ended the session and logged why (a configuration mistake)
            SignInAttempt.record(request, new SignInAttempt(null, new CognitoAuthException(AuthError.UNEXPECTED,
                    CognitoErrors.userMessage(AuthError.UNEXPECTED))));
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignInAttempt.record(request, new SignInAttempt(result, null));
        return new CredentialValidationResult(new CognitoJsonWebToken(token), token.groups());
    }
}
