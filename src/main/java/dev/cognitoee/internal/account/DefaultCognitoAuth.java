package dev.cognitoee.internal.account;

import dev.cognitoee.AuthDevice;
import dev.cognitoee.AuthError;
import dev.cognitoee.AuthSession;
import dev.cognitoee.AuthTokens;
import dev.cognitoee.AuthUser;
import dev.cognitoee.CodeDeliveryDetails;
import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.FetchMfaPreferenceResult;
import dev.cognitoee.JWT;
import dev.cognitoee.ListWebAuthnCredentialsResult;
import dev.cognitoee.MfaPreferenceUpdate;
import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.ResetPasswordResult;
import dev.cognitoee.SignInOptions;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignUpResult;
import dev.cognitoee.SignUpStep;
import dev.cognitoee.TotpSetupDetails;
import dev.cognitoee.UpdateUserAttributeResult;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.internal.credentials.CallerCredentials;
import dev.cognitoee.internal.credentials.FederatedLogins;
import dev.cognitoee.internal.device.DeviceCalls;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.oauth.RedirectSignIn;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.session.AuthEvents;
import dev.cognitoee.internal.session.AutoSignIn;
import dev.cognitoee.internal.session.OptionsSignIn;
import dev.cognitoee.internal.session.SessionOwner;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.SignInFlow;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/** The module's {@link CognitoAuth}: the account API on the HTTP session of the current request. */
@ApplicationScoped
public class DefaultCognitoAuth implements CognitoAuth {

    private static final Logger LOG = Logger.getLogger(DefaultCognitoAuth.class.getName());

    @Inject
    UserPoolClient userPool;

    @Inject
    SignInFlow signInFlow;

    @Inject
    RedirectSignIn redirectSignIn;

    @Inject
    TokenRefresher refresher;

    @Inject
    @Cognito
    TokenProvider tokenProvider;

    @Inject
    AuthEvents events;

    @Inject
    CallerCredentials credentials;

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext securityContext;

    @Inject
    TokenRevocations revocations;

    @Inject
    SessionSealer sealer;

    @Inject
    @ModuleClock
    Clock clock;

    @Override
    public SignInResult signIn(String username, String password, Map<String, String> clientMetadata) {
        return signInFlow.passwordSignIn(request, username, password, clientMetadata, SignInMethod.PASSWORD);
    }

    @Override
    public SignInResult confirmSignIn(String challengeResponse, Map<String, String> userAttributes,
                                      Map<String, String> clientMetadata) {
        return signInFlow.confirmSignIn(request, challengeResponse, userAttributes, clientMetadata);
    }

    @Override
    public SignUpResult signUp(String username, String password, Map<String, String> userAttributes,
                               Map<String, String> clientMetadata, boolean autoSignIn) {
        SignUpResponse response = userPool.signUp(username, password, userAttributes, clientMetadata);
        boolean confirmed = Boolean.TRUE.equals(response.userConfirmed());
        if (!confirmed) {
            if (autoSignIn) {
                autoSignIns.signedUp(request, username, response.session());
            }
            return new SignUpResult(false, response.userSub(), SignUpStep.CONFIRM_SIGN_UP,
                    delivery(response.codeDeliveryDetails()), false);
        }
        boolean signedIn = autoSignIn && signInFlow.passwordSignIn(request, username, password, Map.of(),
                SignInMethod.AUTO_SIGN_IN).isSignedIn();
        return new SignUpResult(true, response.userSub(), SignUpStep.DONE, null, signedIn);
    }

    @Override
    public SignUpResult confirmSignUp(String username, String code, Map<String, String> clientMetadata) {
        return autoSignIns.confirmSignUp(request, username, code, clientMetadata);
    }

    @Override
    public CodeDeliveryDetails resendSignUpCode(String username, Map<String, String> clientMetadata) {
        return delivery(userPool.resendConfirmationCode(username, clientMetadata).codeDeliveryDetails());
    }

    @Override
    public ResetPasswordResult resetPassword(String username, Map<String, String> clientMetadata) {
        return new ResetPasswordResult(false,
                delivery(userPool.forgotPassword(username, clientMetadata).codeDeliveryDetails()));
    }

    @Override
    public void confirmResetPassword(String username, String newPassword, String code,
                                     Map<String, String> clientMetadata) {
        userPool.confirmForgotPassword(username, code, newPassword, clientMetadata);
    }

    @Override
    public void updatePassword(String oldPassword, String newPassword) {
        userPool.changePassword(callersAccessToken(), oldPassword, newPassword);
    }

    @Override
    public Map<String, UpdateUserAttributeResult> updateUserAttributes(Map<String, String> attributes,
                                                                      Map<String, String> clientMetadata) {
        var response = userPool.updateUserAttributes(callersAccessToken(), attributes, clientMetadata);
        Map<String, UpdateUserAttributeResult> results = new LinkedHashMap<>();
        attributes.keySet().forEach(name -> results.put(name, new UpdateUserAttributeResult(true, null)));
        for (CodeDeliveryDetailsType delivery : response.codeDeliveryDetailsList()) {
            results.put(delivery.attributeName(), new UpdateUserAttributeResult(false, delivery(delivery)));
        }
        return results;
    }

    @Override
    public void confirmUserAttribute(String attributeName, String code) {
        userPool.verifyUserAttribute(callersAccessToken(), attributeName, code);
    }

    @Override
    public Map<String, String> fetchUserAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        userPool.getUser(callersAccessToken()).userAttributes()
                .forEach(attribute -> attributes.put(attribute.name(), attribute.value()));
        return attributes;
    }

    @Override
    public AuthUser getCurrentUser() {
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
            requireDefaultPool(bearer);
            // Cognito names the user "username" in an access token, "cognito:username" in an id token.
            String username = bearer.getClaim("access".equals(bearer.getClaim("token_use")) ? "username"
                    : "cognito:username");
            return new AuthUser(username, bearer.getSubject());
        }
        SessionTokens tokens = SessionStore.tokens(request);
        if (tokens == null) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "Nobody is signed in on this session");
        }
        return new AuthUser(tokens.username(), Jwt.decode(tokens.idToken()).getString("sub", null));
    }

    @Override
    public URI signInWithRedirect(String provider, String customState, String returnPath) {
        String path = returnPath == null ? "/" : returnPath;
        // Only a context-relative path is put under the context path; anything else is refused by start().
        boolean relative = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
        return redirectSignIn.start(request, provider, customState,
                relative ? request.getContextPath() + path : path);
    }

    @Override
    public Optional<URI> signOutWithRedirect(boolean global) {
        boolean hostedUiSession = bearerCaller() == null && SessionStore.signedInThroughHostedUi(request);
        signOut(global);
        return hostedUiSession ? Optional.ofNullable(redirectSignIn.logoutUrl()) : Optional.empty();
    }

    @Override
    public void signOut(boolean global) {
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
            // With cognito.revocation-check on, this application refuses the token from now on.
            revocations.revokeSession(bearer.getRawToken());
            if (global) {
                signOutBearerCallerEverywhere(bearer);
            }
            return;
        }
        SessionTokens tokens = endSession();
        if (tokens == null) {
            return;
        }
        try {
            if (global) {
                userPool.globalSignOut(tokens.accessToken());
            } else if (tokens.refreshToken() != null) {
                userPool.revokeToken(sealer.open(Purpose.REFRESH_TOKEN, tokens.refreshToken()));
            }
        } catch (CognitoAuthException e) {
            LogMessage.SIGN_OUT_LOCAL_ONLY.log(LOG, "Signed {0} out locally, but Cognito could not {1}: {2}",
                    tokens.username(), global ? "sign the user out globally" : "revoke the refresh token", e.error());
        } catch (SealBrokenException e) {
            LogMessage.SIGN_OUT_LOCAL_ONLY.log(LOG, "Signed {0} out locally, but could not revoke the refresh token: it {1}",
                    tokens.username(), e.getMessage());
        }
        events.fire(new SignedOut(tokens.username(), global, SignedOut.Reason.SIGN_OUT, PoolJsonWebToken.DEFAULT_POOL,
                clock.instant()));
    }

    /**
     * Ends the request's session and drops its tokens on this server (the local half of a sign-out).
     *
     * @return the tokens the session held, or null when nobody was signed in on it
     */
    private SessionTokens endSession() {
        SessionTokens tokens = SessionStore.tokens(request);
        SessionStore.end(request); // which forgets the session's AWS credentials too (SessionEndListener)
        if (tokens != null) {
            // With cognito.revocation-check on, the session's tokens are refused from now on, on this node.
            revocations.revokeSession(tokens.accessToken(), tokens.idToken());
        }
        return tokens;
    }

    private void signOutBearerCallerEverywhere(JsonWebToken bearer) {
        requireDefaultPool(bearer);
        if (!"access".equals(bearer.getClaim("token_use"))) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN,
                    "A global sign-out needs the user's access token; the request carries an id token");
        }
        userPool.globalSignOut(bearer.getRawToken());
        events.fire(new SignedOut(bearer.getName(), true, SignedOut.Reason.SIGN_OUT, PoolJsonWebToken.DEFAULT_POOL,
                clock.instant()));
    }

    /**
     * The current session. The tokens come from the token provider in use first: the module's refreshes the
     * session's tokens (when due, or now with {@code forceRefresh}), so what follows reads them fresh.
     */
    @Override
    public AuthSession fetchAuthSession(boolean forceRefresh) {
        AuthTokens provided = tokenProvider.getTokens(forceRefresh).orElse(null);
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
            return bearerSession(bearer, provided, forceRefresh);
        }
        SessionTokens tokens = SessionStore.tokens(request);
        CredentialsAndIdentityId aws = awsCredentials(forceRefresh);
        if (tokens == null) { // an application's own provider's tokens, a federated login or a guest
            return provided != null ? providedSession(provided, aws) : aws == null ? AuthSession.SIGNED_OUT
                    : new AuthSession(false, null, null, null, null, null, aws.identityId(), aws.credentials(), null);
        }
        SessionTokens current = refresher.current(request.getSession(false), tokens);
        return new AuthSession(true, current.username(), Jwt.decode(current.idToken()).getString("sub", null),
                current.accessToken(), current.idToken(), current.expiresAt(),
                aws == null ? null : aws.identityId(), aws == null ? null : aws.credentials(), provided);
    }

    /** A bearer caller's session: its token as sent (this application holds no other, and cannot refresh it). */
    private AuthSession bearerSession(JsonWebToken bearer, AuthTokens provided, boolean forceRefresh) {
        boolean access = "access".equals(bearer.getClaim("token_use"));
        CredentialsAndIdentityId aws = awsCredentials(forceRefresh);
        return new AuthSession(true, bearer.getName(), bearer.getSubject(), access ? bearer.getRawToken() : null,
                access ? null : bearer.getRawToken(), Instant.ofEpochSecond(bearer.getExpirationTime()),
                aws == null ? null : aws.identityId(), aws == null ? null : aws.credentials(), provided);
    }

    /**
     * The session of a caller known only by an application's own token provider (signed in elsewhere): who it is,
     * as its tokens say (not verified by the module: the provider is the application's).
     */
    private static AuthSession providedSession(AuthTokens provided, CredentialsAndIdentityId aws) {
        JWT any = provided.accessToken() != null ? provided.accessToken() : provided.idToken();
        Instant expiresAt = Stream.of(provided.accessToken(), provided.idToken()).filter(Objects::nonNull)
                .map(JWT::expiresAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        return new AuthSession(true, null, any.subject(),
                provided.accessToken() == null ? null : provided.accessToken().compact(),
                provided.idToken() == null ? null : provided.idToken().compact(), expiresAt,
                aws == null ? null : aws.identityId(), aws == null ? null : aws.credentials(), provided);
    }

    /**
     * The caller of the request when a bearer token authenticated it, null when the caller is the session's user
     * or nobody. The session's user is only the caller when the caller's token is the session's own: a request may
     * carry one user's bearer token and another's session cookie, and then the bearer token wins.
     */
    private JsonWebToken bearerCaller() {
        JsonWebToken caller = CallerToken.of(securityContext).orElse(null);
        if (caller == null) {
            return null;
        }
        SessionTokens session = SessionStore.tokens(request);
        return session != null && SessionOwner.isCaller(request, caller, session) ? null : caller;
    }

    @Override
    public void loadFederatedLogin(String providerName, String token) {
        credentials.forgetCaller();
        FederatedLogins.load(request, providerName, token);
    }

    /** The caller's AWS credentials, or null when there are none to have (no caller, or no identity pool). */
    private CredentialsAndIdentityId awsCredentials(boolean forceRefresh) {
        try {
            return credentials.current(forceRefresh);
        } catch (CognitoAuthException e) {
            if (e.error() == AuthError.NOT_SIGNED_IN || e.error() == AuthError.NO_IDENTITY_POOL) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Refuses a bearer caller of another trusted issuer: the account API calls the default pool, which would only
     * refuse another pool's token (and must not be shown another issuer's token at all).
     */
    private static void requireDefaultPool(JsonWebToken bearer) {
        if (bearer instanceof PoolJsonWebToken token && !PoolJsonWebToken.DEFAULT_POOL.equals(token.pool())) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "This call serves the users of the default "
                    + "pool; the caller's token comes from '" + token.pool() + "'");
        }
    }

    /** The caller's access token: the bearer token, or the signed-in session's, refreshed first if due. */
    private String callersAccessToken() {
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
            requireDefaultPool(bearer);
            if (!"access".equals(bearer.getClaim("token_use"))) {
                throw new CognitoAuthException(AuthError.NOT_SIGNED_IN,
                        "This call needs the user's access token; the request carries an id token");
            }
            return bearer.getRawToken();
        }
        SessionTokens tokens = SessionStore.tokens(request);
        if (tokens == null) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "Nobody is signed in on this session");
        }
        return refresher.current(request.getSession(false), tokens).accessToken();
    }

    private static CodeDeliveryDetails delivery(CodeDeliveryDetailsType details) {
        return details == null ? null : new CodeDeliveryDetails(details.destination(),
                details.deliveryMediumAsString(), details.attributeName());
    }

    // Custom auth, choice-based sign-in (USER_AUTH) and auto sign-in after a confirmation code (issue 15)

    @Inject
    OptionsSignIn optionsSignIn;

    @Inject
    AutoSignIn autoSignIns;

    @Override
    public SignInResult signIn(String username, String password, SignInOptions options) {
        return optionsSignIn.signIn(request, username, password, options);
    }

    @Override
    public SignInResult autoSignIn() {
        return autoSignIns.autoSignIn(request);
    }

    // Account lifecycle (issue 15): deleteUser, deleteUserAttributes, sendUserAttributeVerificationCode,
    // updateUserAttribute

    @Override
    public void deleteUser() {
        JsonWebToken bearer = bearerCaller();
        String accessToken = callersAccessToken();
        userPool.deleteUser(accessToken); // a refusal leaves the session as it was
        String username;
        if (bearer != null) {
            revocations.revokeSession(bearer.getRawToken());
            username = bearer.getName();
        } else {
            SessionTokens ended = endSession(); // no RevokeToken: Cognito dropped every token of the deleted user
            // A concurrent request of the session may have ended it first: the deleted token still names the user.
            username = ended != null ? ended.username() : Jwt.decode(accessToken).getString("username", null);
        }
        events.fire(new SignedOut(username, false, SignedOut.Reason.USER_DELETED, PoolJsonWebToken.DEFAULT_POOL,
                clock.instant()));
    }

    @Override
    public void deleteUserAttributes(Collection<String> attributeNames) {
        userPool.deleteUserAttributes(callersAccessToken(), AttributeNames.require(attributeNames));
    }

    @Override
    public CodeDeliveryDetails sendUserAttributeVerificationCode(String attributeName,
                                                                 Map<String, String> clientMetadata) {
        AttributeNames.require(attributeName);
        return delivery(userPool.getUserAttributeVerificationCode(callersAccessToken(), attributeName, clientMetadata)
                .codeDeliveryDetails());
    }

    @Override
    public UpdateUserAttributeResult updateUserAttribute(String attributeName, String value,
                                                         Map<String, String> clientMetadata) {
        return updateUserAttributes(AttributeNames.single(attributeName, value), clientMetadata).get(attributeName);
    }

    // Devices (issue 15): rememberDevice, forgetDevice, fetchDevices

    @Inject
    DeviceCalls devices;

    @Override
    public void rememberDevice() {
        devices.rememberDevice(request, callersAccessToken());
    }

    @Override
    public void forgetDevice(String deviceKey) {
        devices.forgetDevice(request, callersAccessToken(), deviceKey);
    }

    @Override
    public List<AuthDevice> fetchDevices() {
        return devices.fetchDevices(callersAccessToken());
    }

    // MFA self-service (issue 15)

    @Override
    public FetchMfaPreferenceResult fetchMFAPreference() {
        return new MfaSettings(userPool).fetch(callersAccessToken());
    }

    @Override
    public void updateMFAPreference(MfaPreferenceUpdate update) {
        new MfaSettings(userPool).update(callersAccessToken(), update);
    }

    @Override
    public TotpSetupDetails setUpTOTP() {
        return new MfaSettings(userPool).setUpTotp(callersAccessToken());
    }

    @Override
    public void verifyTOTPSetup(String code, String friendlyDeviceName) {
        new MfaSettings(userPool).verifyTotpSetup(callersAccessToken(), code, friendlyDeviceName);
    }

    // Passkeys (WebAuthn credentials)

    @Override
    public String startWebAuthnRegistration() {
        return new Passkeys(userPool).startRegistration(callersAccessToken());
    }

    @Override
    public void completeWebAuthnRegistration(String credentialJson) {
        new Passkeys(userPool).completeRegistration(callersAccessToken(), credentialJson);
    }

    @Override
    public ListWebAuthnCredentialsResult listWebAuthnCredentials(Integer pageSize, String nextToken) {
        return new Passkeys(userPool).list(callersAccessToken(), pageSize, nextToken);
    }

    @Override
    public void deleteWebAuthnCredential(String credentialId) {
        new Passkeys(userPool).delete(callersAccessToken(), credentialId);
    }
}
