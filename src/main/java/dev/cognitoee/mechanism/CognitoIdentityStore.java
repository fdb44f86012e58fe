package dev.cognitoee.mechanism;

import dev.cognitoee.token.CognitoJsonWebToken;
import dev.cognitoee.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Turns a verified Cognito token into the caller: the token itself as principal (a {@code JsonWebToken}) and its
 * groups. It validates and provides groups; other identity stores of the application may add groups of their own.
 */
@ApplicationScoped
class CognitoIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        // Overridden (instead of a validate(VerifiedToken) found by reflection) to keep the per-request cost low.
        if (credential instanceof VerifiedToken token) {
            return new CredentialValidationResult(new CognitoJsonWebToken(token), token.groups());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
