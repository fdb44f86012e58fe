package dev.cognitoee;

import java.util.List;

/**
 * One page of the user's passkeys (Amplify's {@code ListWebAuthnCredentialsOutput}).
 *
 * @param credentials the passkeys of this page
 * @param nextToken   pass it to {@code listWebAuthnCredentials} for the next page; null on the last page
 */
public record ListWebAuthnCredentialsResult(List<WebAuthnCredential> credentials, String nextToken) {
}
