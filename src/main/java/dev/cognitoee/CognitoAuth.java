package dev.cognitoee;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account API of the current user, on the server (Amplify Auth v6 names). Inject it anywhere
 * ({@code @Inject CognitoAuth auth}); every call acts on the HTTP session of the current request: {@code signIn}
 * stores the tokens there, {@code signOut} ends it.
 *
 * <p>Calls that take {@code clientMetadata} pass it unchanged to Cognito, which hands it to some of the pool's Lambda
 * triggers only: see {@code docs/ACCOUNT-API.md}. The overloads without it pass none. Failures are
 * {@link CognitoAuthException}s with a typed {@link AuthError}.
 *
 * <p>The module provides the one implementation; an application's own tests may mock this interface.
 */
public interface CognitoAuth {

    /**
     * Signs the user in with username and password.
     *
     * @param username the user's name or alias (email, phone number) as the pool accepts it
     * @param password the user's password
     * @return signed in, or the next step (a challenge to answer with {@link #confirmSignIn(String)})
     */
    default SignInResult signIn(String username, String password) {
        return signIn(username, password, Map.of());
    }

    /**
     * Signs the user in with username and password.
     *
     * @param username       the user's name or alias (email, phone number) as the pool accepts it
     * @param password       the user's password
     * @param clientMetadata passed to the pool's triggers
     * @return signed in, or the next step (a challenge to answer with {@link #confirmSignIn(String)})
     */
    SignInResult signIn(String username, String password, Map<String, String> clientMetadata);

    /**
     * Answers the pending sign-in challenge.
     *
     * @param challengeResponse the new password, the MFA code, the MFA type or the TOTP code
     * @return signed in, or the next step
     */
    default SignInResult confirmSignIn(String challengeResponse) {
        return confirmSignIn(challengeResponse, Map.of(), Map.of());
    }

    /**
     * Answers the pending sign-in challenge.
     *
     * @param challengeResponse the new password, the MFA code, the MFA type or the TOTP code
     * @param userAttributes    attributes Cognito requires with a new password ({@code missingAttributes})
     * @param clientMetadata    passed to the triggers that run after the challenge (PostAuthentication,
     *                          PreTokenGeneration...)
     * @return signed in, or the next step
     */
    SignInResult confirmSignIn(String challengeResponse, Map<String, String> userAttributes,
                               Map<String, String> clientMetadata);

    /**
     * Creates an account.
     *
     * @param username       the new user's name
     * @param password       the new user's password
     * @param userAttributes Cognito user attributes such as {@code email}
     * @return whether the account is confirmed, and where the confirmation code went if not
     */
    default SignUpResult signUp(String username, String password, Map<String, String> userAttributes) {
        return signUp(username, password, userAttributes, Map.of(), false);
    }

    /**
     * Creates an account.
     *
     * @param username       the new user's name
     * @param password       the new user's password
     * @param userAttributes Cognito user attributes such as {@code email}
     * @param clientMetadata passed to the pool's triggers
     * @param autoSignIn     sign the user in at once when the pool confirms the account immediately (a PreSignUp
     *                       trigger that auto-confirms); otherwise the user signs in after {@code confirmSignUp}
     * @return whether the account is confirmed, where the confirmation code went if not, and whether the user is
     *         now signed in
     */
    SignUpResult signUp(String username, String password, Map<String, String> userAttributes,
                        Map<String, String> clientMetadata, boolean autoSignIn);

    /**
     * Confirms an account with the code Cognito sent.
     *
     * @param username the user's name
     * @param code     the confirmation code
     * @return the completed sign-up
     */
    default SignUpResult confirmSignUp(String username, String code) {
        return confirmSignUp(username, code, Map.of());
    }

    /**
     * Confirms an account with the code Cognito sent.
     *
     * @param username       the user's name
     * @param code           the confirmation code
     * @param clientMetadata passed to the pool's triggers
     * @return the completed sign-up
     */
    SignUpResult confirmSignUp(String username, String code, Map<String, String> clientMetadata);

    /**
     * Sends the sign-up confirmation code again.
     *
     * @param username the user's name
     * @return where the code went
     */
    default CodeDeliveryDetails resendSignUpCode(String username) {
        return resendSignUpCode(username, Map.of());
    }

    /**
     * Sends the sign-up confirmation code again.
     *
     * @param username       the user's name
     * @param clientMetadata passed to the pool's triggers
     * @return where the code went
     */
    CodeDeliveryDetails resendSignUpCode(String username, Map<String, String> clientMetadata);

    /**
     * Starts a password reset: Cognito sends a code.
     *
     * @param username the user's name
     * @return where the code went
     */
    default ResetPasswordResult resetPassword(String username) {
        return resetPassword(username, Map.of());
    }

    /**
     * Starts a password reset: Cognito sends a code.
     *
     * @param username       the user's name
     * @param clientMetadata passed to the pool's triggers
     * @return where the code went
     */
    ResetPasswordResult resetPassword(String username, Map<String, String> clientMetadata);

    /**
     * Completes a password reset with the code Cognito sent.
     *
     * @param username    the user's name
     * @param newPassword the password to set
     * @param code        the code from {@link #resetPassword(String)}
     */
    default void confirmResetPassword(String username, String newPassword, String code) {
        confirmResetPassword(username, newPassword, code, Map.of());
    }

    /**
     * Completes a password reset with the code Cognito sent.
     *
     * @param username       the user's name
     * @param newPassword    the password to set
     * @param code           the code from {@link #resetPassword(String)}
     * @param clientMetadata passed to the pool's triggers
     */
    void confirmResetPassword(String username, String newPassword, String code, Map<String, String> clientMetadata);

    /**
     * Changes the signed-in user's password.
     *
     * @param oldPassword the current password
     * @param newPassword the password to set
     */
    void updatePassword(String oldPassword, String newPassword);

    /**
     * Updates attributes of the signed-in user.
     *
     * @param attributes the attributes to set, by name
     * @return a result per attribute
     * @see #updateUserAttributes(Map, Map)
     */
    default Map<String, UpdateUserAttributeResult> updateUserAttributes(Map<String, String> attributes) {
        return updateUserAttributes(attributes, Map.of());
    }

    /**
     * Updates attributes of the signed-in user. An attribute that needs verification (email, phone number) is not
     * updated until {@code confirmUserAttribute}; its result carries where the code was sent.
     *
     * @param attributes     the attributes to set, by name
     * @param clientMetadata passed to the pool's triggers
     * @return a result per attribute, in the order given
     */
    Map<String, UpdateUserAttributeResult> updateUserAttributes(Map<String, String> attributes,
                                                               Map<String, String> clientMetadata);

    /**
     * Verifies an attribute (e.g. a changed email) with the code Cognito sent.
     *
     * @param attributeName the attribute's name, e.g. {@code email}
     * @param code          the code Cognito sent
     */
    void confirmUserAttribute(String attributeName, String code);

    /**
     * The signed-in user's attributes, as Cognito has them now.
     *
     * @return the attributes by name, in Cognito's order
     */
    Map<String, String> fetchUserAttributes();

    /**
     * The signed-in user (Amplify's {@code getCurrentUser}): the session's user, or a bearer caller of the default
     * pool. Read from the caller's tokens: no call to Cognito.
     *
     * @return the user's username and {@code sub}
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in, or the caller's token comes from
     *                              another trusted issuer than the default pool
     */
    AuthUser getCurrentUser();

    /**
     * Starts a sign-in through Cognito's hosted UI (managed login), authorization code with PKCE (Amplify's
     * {@code signInWithRedirect}), and returns the URL to send the browser to, e.g. with
     * {@code response.sendRedirect(uri.toString())} or JAX-RS {@code Response.seeOther(uri)}. The pending sign-in
     * (its {@code state}, {@code nonce}, PKCE verifier, return path and custom state) is kept server-side in the
     * current request's HTTP session, which is created if needed; it is single-use and expires after 10 minutes.
     * The module finishes it on {@code cognito.redirect-uri}, then fires
     * {@link dev.cognitoee.event.SignInWithRedirect} with {@code customState} and sends the browser to
     * {@code returnPath}; a failure fires {@link dev.cognitoee.event.SignInWithRedirectFailed}.
     *
     * @param provider    the federated identity provider to go straight to ({@code Google}, {@code Facebook},
     *                    {@code SignInWithApple}, {@code LoginWithAmazon}, a SAML or OIDC provider's name), or null
     *                    for the hosted page (or {@code cognito.hosted-ui.identity-provider})
     * @param customState a value of the application to have back after sign-in (Amplify's {@code customState}),
     *                    or null; at most 1024 characters, never sent to Cognito
     * @param returnPath  where to send the browser once signed in: a path of this application relative to its
     *                    context path, e.g. {@code /orders}
     * @return the hosted UI's {@code /oauth2/authorize} URL for this sign-in
     * @throws CognitoAuthException {@code INVALID_PARAMETER} when no hosted UI is configured
     *                              ({@code cognito.hosted-ui.domain}), or the return path is not a path of this
     *                              application (another host, a scheme...)
     */
    URI signInWithRedirect(String provider, String customState, String returnPath);

    /**
     * {@link #signInWithRedirect(String, String, String)} coming back to the application's root.
     *
     * @param provider    the federated identity provider to go straight to, or null for the hosted page
     * @param customState a value of the application to have back after sign-in, or null
     * @return the hosted UI's {@code /oauth2/authorize} URL for this sign-in
     */
    default URI signInWithRedirect(String provider, String customState) {
        return signInWithRedirect(provider, customState, "/");
    }

    /**
     * {@link #signInWithRedirect(String, String, String)} to the hosted page, back to the application's root.
     *
     * @return the hosted UI's {@code /oauth2/authorize} URL for this sign-in
     */
    default URI signInWithRedirect() {
        return signInWithRedirect(null, null);
    }

    /**
     * Signs out as {@link #signOut(boolean)} does, and says where to send the browser next: Cognito's
     * {@code /logout} (with {@code client_id} and {@code logout_uri}), which ends Cognito's own session cookie too,
     * when the session was signed in through the hosted UI and {@code cognito.logout-uri} is set. Otherwise the
     * sign-out is local only (a later hosted-UI sign-in may then pass without a password while Cognito's own
     * session lasts) and the result is empty.
     *
     * @param global end every session of the user, not only this one
     * @return the URL to redirect the browser to, if any
     */
    Optional<URI> signOutWithRedirect(boolean global);

    /** Signs the user out of this session: the refresh token is revoked and the HTTP session ended. */
    default void signOut() {
        signOut(false);
    }

    /**
     * Signs the caller out. With {@code global}, every session of the user on every device ends (GlobalSignOut);
     * otherwise this session's refresh token is revoked. The HTTP session ends even if Cognito cannot be reached.
     *
     * <p>Only the caller who authenticated the request is signed out. A request authenticated by a bearer token has
     * no session here to end, even when it also carries another user's session cookie, which is left alone: for it,
     * {@code global} signs the token's user out everywhere (an access token is needed for that), and a local
     * sign-out has nothing to do on the server but to refuse the token when {@code cognito.revocation-check} is on
     * (the client drops its tokens).
     *
     * @param global end every session of the user, not only this one
     */
    void signOut(boolean global);

    /**
     * The current session, refreshed first if its tokens are about to expire.
     *
     * @return the session; {@link AuthSession#SIGNED_OUT} when nobody is signed in and no credentials apply
     */
    default AuthSession fetchAuthSession() {
        return fetchAuthSession(false);
    }

    /**
     * The current session. With an identity pool configured it carries the caller's identity id and AWS
     * credentials: the signed-in user's, a federated login's, or a guest's when guests are allowed and nobody is
     * signed in.
     *
     * <p>{@link AuthSession#tokens()} are those of the token provider in use ({@code dev.cognitoee.spi.TokenProvider}):
     * by default the caller's Cognito tokens; an application's own provider's tokens otherwise, which alone make the
     * session signed in when there is no Cognito caller.
     *
     * @param forceRefresh refresh the tokens (asking the token provider in use to) and AWS credentials now
     * @return the session; {@link AuthSession#SIGNED_OUT} when nobody is signed in and no credentials apply
     */
    AuthSession fetchAuthSession(boolean forceRefresh);

    /**
     * Adds the login of another identity provider to the session (Amplify's {@code loadFederatedLogin} example):
     * the identity pool then gives credentials for it, with or without a Cognito sign-in.
     *
     * @param providerName the identity pool's name for the provider, e.g. {@code accounts.google.com},
     *                     {@code graph.facebook.com}, or an OIDC provider's host
     * @param token        the provider's token for the user
     */
    void loadFederatedLogin(String providerName, String token);

    // Custom auth, choice-based sign-in (USER_AUTH) and auto sign-in after a confirmation code (issue 15)

    /**
     * Signs in with a custom-auth or choice-based flow (Amplify's {@code signIn} with {@code authFlowType}
     * {@code CUSTOM_WITHOUT_SRP} or {@code USER_AUTH}). A custom auth answers
     * {@link SignInStep#CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE} (with the challenge's public parameters in
     * {@code additionalInfo}) until the triggers issue tokens; a choice-based sign-in answers the preferred
     * challenge, or {@link SignInStep#CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION}. Every step is answered with
     * {@link #confirmSignIn(String, Map, Map)}.
     *
     * @param username the user's name or alias
     * @param password the password when the preferred challenge is {@code PASSWORD} or {@code PASSWORD_SRP}, else
     *                 null
     * @param options  the flow, the preferred challenge and the client metadata
     * @return signed in, or the next step
     */
    SignInResult signIn(String username, String password, SignInOptions options);

    /**
     * Signs in the user who just confirmed the sign-up in this session ({@code signUp} with {@code autoSignIn}, then
     * {@code confirmSignUp}, whose result says {@link SignUpStep#COMPLETE_AUTO_SIGN_IN}), through Cognito's
     * {@code USER_AUTH} with the session ConfirmSignUp returned; no password is needed. The session string stays on
     * the server and is used once.
     *
     * @return signed in
     * @throws CognitoAuthException {@code NO_SIGN_IN_IN_PROGRESS} when no confirmed sign-up waits in this session
     */
    SignInResult autoSignIn();

    // Account lifecycle (issue 15): deleteUser, deleteUserAttributes, sendUserAttributeVerificationCode,
    // updateUserAttribute

    /**
     * Deletes the signed-in user's account from the pool (Cognito DeleteUser with the caller's access token), then
     * ends the session as {@link #signOut()} does: the HTTP session is invalidated, the tokens are dropped on the
     * server and {@link dev.cognitoee.event.SignedOut} is fired with the reason {@code USER_DELETED}. If Cognito
     * refuses or cannot be reached, nothing is ended and the typed error is thrown. A bearer caller's account is
     * deleted the same way; its token is then refused here when {@code cognito.revocation-check} is on.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in; Cognito's error otherwise
     */
    void deleteUser();

    /**
     * Removes attributes from the signed-in user (Cognito DeleteUserAttributes).
     *
     * @param attributeNames the attributes to remove, e.g. {@code given_name} or {@code custom:team}; at least one
     * @throws CognitoAuthException {@code INVALID_PARAMETER} for no name, a blank name, or one Cognito refuses
     */
    void deleteUserAttributes(Collection<String> attributeNames);

    /**
     * Sends a verification code for an attribute (Cognito GetUserAttributeVerificationCode), e.g. to verify an email
     * address; the user then gives it to {@link #confirmUserAttribute(String, String)}.
     *
     * @param attributeName the attribute to verify: {@code email} or {@code phone_number}
     * @return where the code went
     */
    default CodeDeliveryDetails sendUserAttributeVerificationCode(String attributeName) {
        return sendUserAttributeVerificationCode(attributeName, Map.of());
    }

    /**
     * Sends a verification code for an attribute (Cognito GetUserAttributeVerificationCode).
     *
     * @param attributeName  the attribute to verify: {@code email} or {@code phone_number}
     * @param clientMetadata passed to the CustomMessage trigger
     * @return where the code went
     */
    CodeDeliveryDetails sendUserAttributeVerificationCode(String attributeName, Map<String, String> clientMetadata);

    /**
     * Updates one attribute of the signed-in user, as {@link #updateUserAttributes(Map, Map)} does for several.
     *
     * @param attributeName the attribute's name, e.g. {@code email}
     * @param value         its new value (to remove an attribute, use {@link #deleteUserAttributes(Collection)})
     * @return the outcome: updated, or a code to confirm
     */
    default UpdateUserAttributeResult updateUserAttribute(String attributeName, String value) {
        return updateUserAttribute(attributeName, value, Map.of());
    }

    /**
     * Updates one attribute of the signed-in user, as {@link #updateUserAttributes(Map, Map)} does for several.
     *
     * @param attributeName  the attribute's name, e.g. {@code email}
     * @param value          its new value (to remove an attribute, use {@link #deleteUserAttributes(Collection)})
     * @param clientMetadata passed to the pool's triggers
     * @return the outcome: updated, or a code to confirm
     */
    UpdateUserAttributeResult updateUserAttribute(String attributeName, String value,
                                                  Map<String, String> clientMetadata);

    // Devices (issue 15): rememberDevice, forgetDevice, fetchDevices

    /**
     * Marks this browser's device as remembered (UpdateDeviceStatus {@code remembered}): on a pool that lets users
     * choose, a remembered device skips MFA at its next sign-in. The device is the one the module confirmed at this
     * browser's sign-in (the pool tracks devices); its keys stay on the server, the browser holds only a handle.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN}; {@code INVALID_PARAMETER} when this browser has no
     *                              device of the caller
     */
    void rememberDevice();

    /**
     * Forgets this browser's device (ForgetDevice): Cognito forgets it, and so does the server (its keys and the
     * browser's handle). The next sign-in from this browser is a new device.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN}; {@code INVALID_PARAMETER} when this browser has no
     *                              device of the caller
     */
    default void forgetDevice() {
        forgetDevice(null);
    }

    /**
     * Forgets one of the caller's devices (ForgetDevice), e.g. an {@link AuthDevice#id()} of {@link #fetchDevices()};
     * when it is this browser's, the server forgets its keys too.
     *
     * @param deviceKey the device's key; null for this browser's device
     * @throws CognitoAuthException {@code NOT_SIGNED_IN}; {@code INVALID_PARAMETER} for a device the user does not
     *                              have
     */
    void forgetDevice(String deviceKey);

    /**
     * The devices Cognito tracks for the caller (ListDevices), at most 600.
     *
     * @return the caller's devices, in Cognito's order
     * @throws CognitoAuthException {@code NOT_SIGNED_IN}
     */
    List<AuthDevice> fetchDevices();

    // MFA self-service (issue 15)

    /**
     * The signed-in user's MFA settings: the types turned on and the preferred one (Cognito's GetUser).
     *
     * @return the enabled types and the preferred type
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in
     */
    FetchMfaPreferenceResult fetchMFAPreference();

    /**
     * Changes the signed-in user's MFA settings (Cognito's SetUserMFAPreference); the types {@code update} leaves
     * null are not changed. A TOTP turned on must have been set up first ({@link #setUpTOTP()}), an email one needs
     * the user's email address; Cognito refuses otherwise ({@code INVALID_PARAMETER}).
     *
     * @param update the preference per MFA type, e.g. {@code MfaPreferenceUpdate.NONE.withTotp(PREFERRED)}
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in
     */
    void updateMFAPreference(MfaPreferenceUpdate update);

    /**
     * Changes the signed-in user's MFA settings: {@link #updateMFAPreference(MfaPreferenceUpdate)} in Amplify's
     * argument order.
     *
     * @param sms   the SMS preference, or null to leave it
     * @param totp  the authenticator-app preference, or null to leave it
     * @param email the email preference, or null to leave it
     */
    default void updateMFAPreference(MfaPreference sms, MfaPreference totp, MfaPreference email) {
        updateMFAPreference(new MfaPreferenceUpdate(sms, totp, email));
    }

    /**
     * Starts setting up an authenticator app for the signed-in user (Cognito's AssociateSoftwareToken): show the
     * secret or {@link TotpSetupDetails#getSetupUri(String)} as a QR code, then confirm with
     * {@link #verifyTOTPSetup(String)}. The authenticator counts only once verified; turn it on with
     * {@link #updateMFAPreference(MfaPreferenceUpdate)}.
     *
     * @return the secret and the {@code otpauth://} URI
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in
     */
    TotpSetupDetails setUpTOTP();

    /**
     * Confirms the authenticator of {@link #setUpTOTP()} with its current code (Cognito's VerifySoftwareToken).
     *
     * @param code the 6-digit code the app shows
     * @throws CognitoAuthException {@code CODE_MISMATCH} for a wrong code, {@code NOT_SIGNED_IN} when nobody is
     *                              signed in
     */
    default void verifyTOTPSetup(String code) {
        verifyTOTPSetup(code, null);
    }

    /**
     * Confirms the authenticator of {@link #setUpTOTP()} with its current code (Cognito's VerifySoftwareToken).
     *
     * @param code               the 6-digit code the app shows
     * @param friendlyDeviceName a name for the authenticator, or null
     * @throws CognitoAuthException {@code CODE_MISMATCH} for a wrong code, {@code NOT_SIGNED_IN} when nobody is
     *                              signed in
     */
    void verifyTOTPSetup(String code, String friendlyDeviceName);

    // Passkeys (WebAuthn credentials): Amplify's associateWebAuthnCredential, in two server steps

    /**
     * First half of Amplify's {@code associateWebAuthnCredential}: asks Cognito to register a new passkey for the
     * signed-in user (StartWebAuthnRegistration) and returns the options for the browser, which passes them to
     * {@code navigator.credentials.create} (after {@code PublicKeyCredential.parseCreationOptionsFromJSON}, or
     * decoding the base64url fields itself) and posts the new credential back to
     * {@link #completeWebAuthnRegistration(String)}. Amplify does both in the browser in one call; on the server the
     * browser must create the credential in between, hence two calls.
     *
     * @return the JSON text of Cognito's {@code CredentialCreationOptions} (a
     *         {@code PublicKeyCredentialCreationOptionsJSON}: {@code challenge}, {@code rp}, {@code user},
     *         {@code pubKeyCredParams}, {@code excludeCredentials}...)
     * @throws CognitoAuthException {@link AuthError#NOT_SIGNED_IN} without a signed-in user,
     *                              {@link AuthError#WEBAUTHN_NOT_ENABLED} when the pool has no passkeys
     */
    String startWebAuthnRegistration();

    /**
     * Second half of Amplify's {@code associateWebAuthnCredential}: hands the browser's new credential to Cognito
     * (CompleteWebAuthnRegistration), which verifies it against the challenge of
     * {@link #startWebAuthnRegistration()} and keeps it.
     *
     * @param credentialJson the credential in the WebAuthn JSON form ({@code PublicKeyCredential.toJSON()}: base64url
     *                       {@code id}, {@code rawId}, {@code response.clientDataJSON},
     *                       {@code response.attestationObject}...), at most 32 KiB
     * @throws CognitoAuthException {@link AuthError#INVALID_PARAMETER} for anything that is not such an object;
     *                              {@link AuthError#WEBAUTHN_CREDENTIAL_REFUSED} when Cognito refuses it (another
     *                              challenge, origin or relying party)
     */
    void completeWebAuthnRegistration(String credentialJson);

    /**
     * The signed-in user's passkeys, first page (ListWebAuthnCredentials).
     *
     * @return the passkeys, and a token for the next page if there is one
     */
    default ListWebAuthnCredentialsResult listWebAuthnCredentials() {
        return listWebAuthnCredentials(null, null);
    }

    /**
     * A page of the signed-in user's passkeys (ListWebAuthnCredentials).
     *
     * @param pageSize  1 to 20, or null for Cognito's default
     * @param nextToken the {@code nextToken} of the previous page, or null for the first
     * @return the passkeys, and a token for the next page if there is one
     */
    ListWebAuthnCredentialsResult listWebAuthnCredentials(Integer pageSize, String nextToken);

    /**
     * Removes one of the signed-in user's passkeys (DeleteWebAuthnCredential).
     *
     * @param credentialId the passkey's {@link WebAuthnCredential#credentialId()}
     * @throws CognitoAuthException {@link AuthError#WEBAUTHN_CREDENTIAL_NOT_FOUND} when the user has no such passkey
     */
    void deleteWebAuthnCredential(String credentialId);
}
