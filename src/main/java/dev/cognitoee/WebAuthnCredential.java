package dev.cognitoee;

import java.time.Instant;
import java.util.List;

/**
 * A passkey (WebAuthn credential) registered for the user, as {@code listWebAuthnCredentials} reports it (Amplify's
 * {@code AuthWebAuthnCredential}). It holds no key material: only what a user needs to recognise and remove it.
 *
 * @param credentialId            the credential's id, base64url; what {@code deleteWebAuthnCredential} takes
 * @param friendlyCredentialName  a name for people, e.g. the authenticator's or the browser's
 * @param relyingPartyId          the domain the passkey is bound to
 * @param authenticatorAttachment {@code platform} (built into the device) or {@code cross-platform} (a security
 *                                key, a phone), or null when the authenticator did not say
 * @param authenticatorTransports how the authenticator is reached ({@code internal}, {@code usb}, {@code nfc},
 *                                {@code ble}, {@code hybrid}); empty when unknown
 * @param createdAt               when it was registered
 */
public record WebAuthnCredential(String credentialId, String friendlyCredentialName, String relyingPartyId,
                                 String authenticatorAttachment, List<String> authenticatorTransports,
                                 Instant createdAt) {
}
