package dev.cognitoee.internal.userpool;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.srp.PasswordClaim;
import dev.cognitoee.internal.srp.PasswordVerifierChallenge;
import dev.cognitoee.internal.srp.SrpClient;
import dev.cognitoee.internal.srp.SrpException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;

/**
 * The Cognito User Pool API calls of the module, for the configured app client: adds the client id and, when the
 * client has a secret, SECRET_HASH; passes {@code clientMetadata} through unchanged; turns every SDK failure into
 * a {@link dev.cognitoee.CognitoAuthException}. All these operations are public Cognito APIs: no AWS credentials
 * are needed or used.
 */
public final class UserPoolClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UserPoolClient.class.getName());

    private final CognitoIdentityProviderClient cognito;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String clientId;
    private final String clientSecret; // null when the app client has none
    private final Misconfigurations misconfigurations;
    private final String poolName; // the pool id after its region, hashed into SRP proofs
    private final SecureRandom random = new SecureRandom();

    UserPoolClient(CognitoConfig config, CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
        this.clientId = config.signInClientId();
        this.clientSecret = config.clientSecret();
        this.poolName = config.userPoolId().substring(config.userPoolId().indexOf('_') + 1);
        this.misconfigurations = Misconfigurations.of(Misconfigurations.Api.USER_POOL, clientSecret != null);
    }

    /** A client for the configured pool and its first app client; {@link #close} it when done. */
    public static UserPoolClient forPool(CognitoConfig config) {
        return new UserPoolClient(config, new SdkClientFactory(config).userPool());
    }

    /**
     * As {@link #forPool(CognitoConfig)}, over the given HTTP client (tests capture the wire traffic with it), which
     * {@link #close} closes too.
     */
    public static UserPoolClient forPool(CognitoConfig config, SdkHttpClient http) {
        return new UserPoolClient(config, new SdkClientFactory(config, http).userPool());
    }

    /**
     * Closes the SDK client, its HTTP client and its threads; a call after it fails as Cognito being unavailable
     * would. A second close does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cognito.close();
        }
    }

    public InitiateAuthResponse passwordAuth(String username, String password, Map<String, String> clientMetadata) {
        Map<String, String> parameters = withSecretHash(username, Map.of("USERNAME", username, "PASSWORD", password));
        return call(() -> cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(parameters).clientMetadata(clientMetadata)));
    }

    /**
     * USER_SRP_AUTH: InitiateAuth with SRP_A, then the answer to Cognito's PASSWORD_VERIFIER challenge, made for
     * Cognito's USER_ID_FOR_SRP (SECRET_HASH too), timed by {@code clock}. The password never leaves the server.
     *
     * @return the tokens, or the challenge that follows (new password, MFA...)
     */
    public SignInAnswer srpAuth(String username, String password, Map<String, String> clientMetadata, Clock clock) {
        SrpClient srp = SrpClient.start(random);
        Map<String, String> parameters = withSecretHash(username,
                Map.of("USERNAME", username, "SRP_A", srp.publicValueHex()));
        InitiateAuthResponse challenge = call(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters).clientMetadata(clientMetadata)));
        if (challenge.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            return SignInAnswer.of(challenge, username);
        }
        PasswordClaim claim;
        try {
            claim = srp.passwordClaim(poolName, PasswordVerifierChallenge.of(challenge.challengeParameters()),
                    password, clock.instant());
        } catch (SrpException e) {
            LogMessage.SRP_CHALLENGE_REFUSED.log(LOG, "The SRP sign-in of {0} is refused: {1}", username,
                    e.getMessage());
            throw new CognitoAuthException(AuthError.UNEXPECTED, null, CognitoErrors.userMessage(
                    AuthError.UNEXPECTED), e);
        }
        return SignInAnswer.of(respondToChallenge(ChallengeNameType.PASSWORD_VERIFIER, challenge.session(),
                claim.userIdForSrp(), claim.challengeResponses(), clientMetadata), claim.userIdForSrp());
    }

    /**
     * REFRESH_TOKEN_AUTH. {@code username} is the token's {@code username} claim: with a client secret, Cognito
     * computes SECRET_HASH over it (not over an email alias).
     */
    public InitiateAuthResponse refresh(String username, String refreshToken) {
        Map<String, String> parameters = withSecretHash(username, Map.of("REFRESH_TOKEN", refreshToken));
        return call(() -> cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(parameters)));
    }

    /** Answers a sign-in challenge; {@code responses} holds the challenge's answer keys, USERNAME included. */
    public RespondToAuthChallengeResponse respondToChallenge(ChallengeNameType challenge, String session,
                                                             String username, Map<String, String> responses,
                                                             Map<String, String> clientMetadata) {
        Map<String, String> all = new HashMap<>(responses);
        all.put("USERNAME", username);
        Map<String, String> withHash = withSecretHash(username, all);
        return call(() -> cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(challenge)
                .session(session).challengeResponses(withHash).clientMetadata(clientMetadata)));
    }

    public AssociateSoftwareTokenResponse associateSoftwareToken(String session) {
        return call(() -> cognito.associateSoftwareToken(b -> b.session(session)));
    }

    public VerifySoftwareTokenResponse verifySoftwareToken(String session, String code) {
        return call(() -> cognito.verifySoftwareToken(b -> b.session(session).userCode(code)));
    }

    public SignUpResponse signUp(String username, String password, Map<String, String> attributes,
                                 Map<String, String> clientMetadata) {
        return call(() -> cognito.signUp(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).password(password).userAttributes(attributes(attributes))
                .clientMetadata(clientMetadata)));
    }

    public ConfirmSignUpResponse confirmSignUp(String username, String code, Map<String, String> clientMetadata) {
        return call(() -> cognito.confirmSignUp(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).confirmationCode(code).clientMetadata(clientMetadata)));
    }

    public ResendConfirmationCodeResponse resendConfirmationCode(String username, Map<String, String> clientMetadata) {
        return call(() -> cognito.resendConfirmationCode(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).clientMetadata(clientMetadata)));
    }

    public ForgotPasswordResponse forgotPassword(String username, Map<String, String> clientMetadata) {
        return call(() -> cognito.forgotPassword(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).clientMetadata(clientMetadata)));
    }

    public void confirmForgotPassword(String username, String code, String newPassword,
                                      Map<String, String> clientMetadata) {
        call(() -> cognito.confirmForgotPassword(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).confirmationCode(code).password(newPassword).clientMetadata(clientMetadata)));
    }

    public void changePassword(String accessToken, String previousPassword, String proposedPassword) {
        call(() -> cognito.changePassword(b -> b.accessToken(accessToken).previousPassword(previousPassword)
                .proposedPassword(proposedPassword)));
    }

    public UpdateUserAttributesResponse updateUserAttributes(String accessToken, Map<String, String> attributes,
                                                             Map<String, String> clientMetadata) {
        return call(() -> cognito.updateUserAttributes(b -> b.accessToken(accessToken)
                .userAttributes(attributes(attributes)).clientMetadata(clientMetadata)));
    }

    public void verifyUserAttribute(String accessToken, String attributeName, String code) {
        call(() -> cognito.verifyUserAttribute(b -> b.accessToken(accessToken).attributeName(attributeName)
                .code(code)));
    }

    public GetUserResponse getUser(String accessToken) {
        return call(() -> cognito.getUser(b -> b.accessToken(accessToken)));
    }

    public void globalSignOut(String accessToken) {
        call(() -> cognito.globalSignOut(b -> b.accessToken(accessToken)));
    }

    public void revokeToken(String refreshToken) {
        call(() -> cognito.revokeToken(b -> b.clientId(clientId).clientSecret(clientSecret).token(refreshToken)));
    }

    private Map<String, String> withSecretHash(String username, Map<String, String> parameters) {
        if (clientSecret == null) {
            return parameters;
        }
        Map<String, String> withHash = new HashMap<>(parameters);
        withHash.put("SECRET_HASH", secretHash(username));
        return withHash;
    }

    private String secretHash(String username) {
        return clientSecret == null ? null : SecretHash.of(username, clientId, clientSecret);
    }

    private static java.util.List<AttributeType> attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(a -> AttributeType.builder().name(a.getKey()).value(a.getValue()).build())
                .toList();
    }

    private <T> T call(Supplier<T> operation) {
        if (closed.get()) { // the SDK would throw its executor's RejectedExecutionException
            throw new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, "The application is stopping");
        }
        try {
            return operation.get();
        } catch (SdkException e) {
            throw CognitoErrors.map(e, misconfigurations);
        }
    }

    // Passkeys (WebAuthn credentials): the user's own calls, authorised by the access token

    /** StartWebAuthnRegistration: the options for the browser's {@code navigator.credentials.create}. */
    public Document startWebAuthnRegistration(String accessToken) {
        return call(() -> cognito.startWebAuthnRegistration(b -> b.accessToken(accessToken)))
                .credentialCreationOptions();
    }

    /** CompleteWebAuthnRegistration: the browser's new credential (its WebAuthn JSON form), for Cognito to verify. */
    public void completeWebAuthnRegistration(String accessToken, Document credential) {
        call(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(accessToken).credential(credential)));
    }

    /** ListWebAuthnCredentials; {@code maxResults} and {@code nextToken} may be null. */
    public ListWebAuthnCredentialsResponse listWebAuthnCredentials(String accessToken, Integer maxResults,
                                                                   String nextToken) {
        return call(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(accessToken).maxResults(maxResults)
                .nextToken(nextToken)));
    }

    /** DeleteWebAuthnCredential. */
    public void deleteWebAuthnCredential(String accessToken, String credentialId) {
        call(() -> cognito.deleteWebAuthnCredential(b -> b.accessToken(accessToken).credentialId(credentialId)));
    }
}
