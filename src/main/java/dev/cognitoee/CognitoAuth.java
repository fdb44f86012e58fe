package dev.cognitoee;

import dev.cognitoee.internal.credentials.CallerCredentials;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.internal.credentials.FederatedLogins;
import dev.cognitoee.internal.session.AuthEvents;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.internal.session.SessionOwner;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.SignInFlow;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.token.TokenRevocations;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/**
 * The account API of the current user, on the server (Amplify Auth v6 names). Inject it anywhere; every call acts
 * on the HTTP session of the current request: {@code signIn} stores the tokens there, {@code signOut} ends it.
 *
 * <p>Calls that take {@code clientMetadata} pass it unchanged to Cognito, which hands it to some of the pool's Lambda
 * triggers only: see {@code docs/ACCOUNT-API.md}. Failures are {@link CognitoAuthException}s with a typed
 * {@link AuthError}.
 */
@ApplicationScoped
public class CognitoAuth {

    private static final Logger LOG = Logger.getLogger(CognitoAuth.class.getName());

    @Inject
    UserPoolClient userPool;

    @Inject
    SignInFlow signInFlow;

    @Inject
    TokenRefresher refresher;

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

    private final Clock clock = Clock.systemUTC();

    /** Signs the user in with username and password. */
    public SignInResult signIn(String username, String password) {
        return signIn(username, password, Map.of());
    }

    /** Signs the user in with username and password, passing {@code clientMetadata} to the pool's triggers. */
    public SignInResult signIn(String username, String password, Map<String, String> clientMetadata) {
        return signInFlow.passwordSignIn(request, username, password, clientMetadata, SignInMethod.PASSWORD);
    }

    /** Answers the pending sign-in challenge: the new password, the MFA code, the MFA type or the TOTP code. */
    public SignInResult confirmSignIn(String challengeResponse) {
        return confirmSignIn(challengeResponse, Map.of(), Map.of());
    }

    /**
     * Answers the pending sign-in challenge.
     *
     * @param userAttributes  attributes Cognito requires with a new password ({@code missingAttributes})
     * @param clientMetadata  passed to the triggers that run after the challenge (PostAuthentication,
     *                        PreTokenGeneration...)
     */
    public SignInResult confirmSignIn(String challengeResponse, Map<String, String> userAttributes,
                                      Map<String, String> clientMetadata) {
        return signInFlow.confirmSignIn(request, challengeResponse, userAttributes, clientMetadata);
    }

    /** Creates an account; attributes such as {@code email} are Cognito user attributes. */
    public SignUpResult signUp(String username, String password, Map<String, String> userAttributes) {
        return signUp(username, password, userAttributes, Map.of(), false);
    }

    /**
     * Creates an account.
     *
     * @param autoSignIn sign the user in at once when the pool confirms the account immediately (a PreSignUp
     *                   trigger that auto-confirms); otherwise the user signs in after {@code confirmSignUp}
     */
    public SignUpResult signUp(String username, String password, Map<String, String> userAttributes,
                               Map<String, String> clientMetadata, boolean autoSignIn) {
        SignUpResponse response = userPool.signUp(username, password, userAttributes, clientMetadata);
        boolean confirmed = Boolean.TRUE.equals(response.userConfirmed());
        if (!confirmed) {
            return new SignUpResult(false, response.userSub(), SignUpStep.CONFIRM_SIGN_UP,
                    delivery(response.codeDeliveryDetails()), false);
        }
        boolean signedIn = autoSignIn && signInFlow.passwordSignIn(request, username, password, Map.of(),
                SignInMethod.AUTO_SIGN_IN).isSignedIn();
        return new SignUpResult(true, response.userSub(), SignUpStep.DONE, null, signedIn);
    }

    /** Confirms an account with the code Cognito sent. */
    public SignUpResult confirmSignUp(String username, String code) {
        return confirmSignUp(username, code, Map.of());
    }

    public SignUpResult confirmSignUp(String username, String code, Map<String, String> clientMetadata) {
        userPool.confirmSignUp(username, code, clientMetadata);
        return new SignUpResult(true, null, SignUpStep.DONE, null, false);
    }

    /** Sends the sign-up confirmation code again. */
    public CodeDeliveryDetails resendSignUpCode(String username) {
        return resendSignUpCode(username, Map.of());
    }

    public CodeDeliveryDetails resendSignUpCode(String username, Map<String, String> clientMetadata) {
        return delivery(userPool.resendConfirmationCode(username, clientMetadata).codeDeliveryDetails());
    }

    /** Starts a password reset: Cognito sends a code. */
    public ResetPasswordResult resetPassword(String username) {
        return resetPassword(username, Map.of());
    }

    public ResetPasswordResult resetPassword(String username, Map<String, String> clientMetadata) {
        return new ResetPasswordResult(false,
                delivery(userPool.forgotPassword(username, clientMetadata).codeDeliveryDetails()));
    }

    /** Completes a password reset with the code Cognito sent. */
    public void confirmResetPassword(String username, String newPassword, String code) {
        confirmResetPassword(username, newPassword, code, Map.of());
    }

    public void confirmResetPassword(String username, String newPassword, String code,
                                     Map<String, String> clientMetadata) {
        userPool.confirmForgotPassword(username, code, newPassword, clientMetadata);
    }

    /** Changes the signed-in user's password. */
    public void updatePassword(String oldPassword, String newPassword) {
        userPool.changePassword(callersAccessToken(), oldPassword, newPassword);
    }

    /** Updates attributes of the signed-in user. */
    public Map<String, UpdateUserAttributeResult> updateUserAttributes(Map<String, String> attributes) {
        return updateUserAttributes(attributes, Map.of());
    }

    /**
     * Updates attributes of the signed-in user. An attribute that needs verification (email, phone number) is not
     * updated until {@code confirmUserAttribute}; its result carries where the code was sent.
     */
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

    /** Verifies an attribute (e.g. a changed email) with the code Cognito sent. */
    public void confirmUserAttribute(String attributeName, String code) {
        userPool.verifyUserAttribute(callersAccessToken(), attributeName, code);
    }

    /** The signed-in user's attributes, as Cognito has them now. */
    public Map<String, String> fetchUserAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        userPool.getUser(callersAccessToken()).userAttributes()
                .forEach(attribute -> attributes.put(attribute.name(), attribute.value()));
        return attributes;
    }

    /** Signs the user out of this session: the refresh token is revoked and the HTTP session ended. */
    public void signOut() {
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
     */
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
        SessionTokens tokens = SessionStore.tokens(request);
        SessionStore.end(request); // which forgets the session's AWS credentials too (SessionEndListener)
        if (tokens == null) {
            return;
        }
        // With cognito.revocation-check on, the session's tokens are refused from now on, on this node.
        revocations.revokeSession(tokens.accessToken(), tokens.idToken());
        try {
            if (global) {
                userPool.globalSignOut(tokens.accessToken());
            } else {
                userPool.revokeToken(tokens.refreshToken());
            }
        } catch (CognitoAuthException e) {
            LOG.log(Level.WARNING, "Signed {0} out locally, but Cognito could not {1}: {2}", new Object[] {
                    tokens.username(), global ? "sign the user out globally" : "revoke the refresh token", e.error()});
        }
        events.fire(new SignedOut(tokens.username(), global, SignedOut.Reason.SIGN_OUT, clock.instant()));
    }

    private void signOutBearerCallerEverywhere(JsonWebToken bearer) {
        if (!"access".equals(bearer.getClaim("token_use"))) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN,
                    "A global sign-out needs the user's access token; the request carries an id token");
        }
        userPool.globalSignOut(bearer.getRawToken());
        events.fire(new SignedOut(bearer.getName(), true, SignedOut.Reason.SIGN_OUT, clock.instant()));
    }

    /** The current session, refreshed first if its tokens are about to expire. */
    public AuthSession fetchAuthSession() {
        return fetchAuthSession(false);
    }

    /**
     * The current session; with {@code forceRefresh} the tokens (and AWS credentials) are refreshed now. With an
     * identity pool configured it carries the caller's identity id and AWS credentials: the signed-in user's, a
     * federated login's, or a guest's when guests are allowed and nobody is signed in.
     */
    public AuthSession fetchAuthSession(boolean forceRefresh) {
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
            return bearerSession(bearer, forceRefresh);
        }
        SessionTokens tokens = SessionStore.tokens(request);
        if (tokens == null) { // a federated login or a guest may still have credentials
            CredentialsAndIdentityId aws = awsCredentials(forceRefresh);
            return aws == null ? AuthSession.SIGNED_OUT
                    : new AuthSession(false, null, null, null, null, null, aws.identityId(), aws.credentials());
        }
        var session = request.getSession(false);
        SessionTokens current = forceRefresh ? refresher.forceRefresh(session, tokens)
                : refresher.current(session, tokens);
        CredentialsAndIdentityId aws = awsCredentials(forceRefresh);
        return new AuthSession(true, current.username(), Jwt.decode(current.idToken()).getString("sub", null),
                current.accessToken(), current.idToken(), current.expiresAt(),
                aws == null ? null : aws.identityId(), aws == null ? null : aws.credentials());
    }

    /** A bearer caller's session: its token as sent (this application holds no other, and cannot refresh it). */
    private AuthSession bearerSession(JsonWebToken bearer, boolean forceRefresh) {
        boolean access = "access".equals(bearer.getClaim("token_use"));
        CredentialsAndIdentityId aws = awsCredentials(forceRefresh);
        return new AuthSession(true, bearer.getName(), bearer.getSubject(), access ? bearer.getRawToken() : null,
                access ? null : bearer.getRawToken(), Instant.ofEpochSecond(bearer.getExpirationTime()),
                aws == null ? null : aws.identityId(), aws == null ? null : aws.credentials());
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

    /**
     * Adds the login of another identity provider to the session (Amplify's {@code loadFederatedLogin} example):
     * the identity pool then gives credentials for it, with or without a Cognito sign-in.
     *
     * @param providerName the identity pool's name for the provider, e.g. {@code accounts.google.com},
     *                     {@code graph.facebook.com}, or an OIDC provider's host
     * @param token        the provider's token for the user
     */
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

    /** The caller's access token: the bearer token, or the signed-in session's, refreshed first if due. */
    private String callersAccessToken() {
        JsonWebToken bearer = bearerCaller();
        if (bearer != null) {
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
}
