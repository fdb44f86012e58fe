package dev.cognitoee.internal.userpool;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.srp.DeviceSecret;
import dev.cognitoee.internal.srp.PasswordClaim;
import dev.cognitoee.internal.srp.PasswordVerifierChallenge;
import dev.cognitoee.internal.srp.SrpClient;
import dev.cognitoee.internal.srp.SrpException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceRememberedStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserAttributeVerificationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListDevicesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SMSMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaSettingsType;
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
    private static final int DEVICES_PER_PAGE = 60;

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
        return passwordAuth(username, password, clientMetadata, null);
    }

    /** USER_PASSWORD_AUTH, with the DEVICE_KEY of a remembered device (null: none). */
    public InitiateAuthResponse passwordAuth(String username, String password, Map<String, String> clientMetadata,
                                             String deviceKey) {
        Map<String, String> parameters = withSecretHash(username, withDeviceKey(deviceKey,
                Map.of("USERNAME", username, "PASSWORD", password)));
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
        return srpAuth(username, password, clientMetadata, clock, null);
    }

    /** As {@link #srpAuth(String, String, Map, Clock)}, with the DEVICE_KEY of a remembered device (null: none). */
    public SignInAnswer srpAuth(String username, String password, Map<String, String> clientMetadata, Clock clock,
                                String deviceKey) {
        SrpClient srp = SrpClient.start(random);
        Map<String, String> parameters = withSecretHash(username, withDeviceKey(deviceKey,
                Map.of("USERNAME", username, "SRP_A", srp.publicValueHex())));
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
                claim.userIdForSrp(), withDeviceKey(deviceKey, claim.challengeResponses()), clientMetadata),
                claim.userIdForSrp());
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

    /**
     * ConfirmSignUp; with SignUp's {@code Session} (else null), Cognito answers with one for the auto sign-in
     * ({@link #autoSignIn}).
     */
    public ConfirmSignUpResponse confirmSignUp(String username, String code, Map<String, String> clientMetadata,
                                               String signUpSession) {
        return call(() -> cognito.confirmSignUp(b -> b.clientId(clientId).secretHash(secretHash(username))
                .username(username).confirmationCode(code).clientMetadata(clientMetadata).session(signUpSession)));
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

    private static List<AttributeType> attributes(Map<String, String> attributes) {
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

    // Custom auth, choice-based sign-in (USER_AUTH) and auto sign-in after a confirmation code (issue 15)

    /** The key under which {@link #userAuth}'s answer carries InitiateAuth's {@code AvailableChallenges}. */
    public static final String AVAILABLE_CHALLENGES = "AVAILABLE_CHALLENGES";

    /** InitiateAuth {@code CUSTOM_AUTH} (Amplify's {@code CUSTOM_WITHOUT_SRP}): the triggers' first challenge. */
    public SignInAnswer customAuth(String username, Map<String, String> clientMetadata) {
        Map<String, String> parameters = withSecretHash(username, Map.of("USERNAME", username));
        InitiateAuthResponse response = call(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(parameters).clientMetadata(clientMetadata)));
        // Cognito names the user it found (not an alias typed) in the challenge's USERNAME, as Amplify reads it
        return SignInAnswer.of(response, response.challengeParameters().getOrDefault("USERNAME", username));
    }

    /**
     * InitiateAuth {@code USER_AUTH}, with {@code PREFERRED_CHALLENGE} when given: with {@code PASSWORD} the password
     * goes along; with {@code PASSWORD_SRP} an SRP_A, and the PASSWORD_VERIFIER challenge that follows is answered
     * here. A {@code SELECT_CHALLENGE} answer carries Cognito's {@code AvailableChallenges} as a comma-separated
     * {@link #AVAILABLE_CHALLENGES} parameter.
     */
    public SignInAnswer userAuth(String username, String password, String preferredChallenge,
                                 Map<String, String> clientMetadata, Clock clock) {
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", username));
        SrpClient srp = null;
        if (preferredChallenge != null) {
            parameters.put("PREFERRED_CHALLENGE", preferredChallenge);
            if ("PASSWORD".equals(preferredChallenge)) {
                parameters.put("PASSWORD", password);
            } else if ("PASSWORD_SRP".equals(preferredChallenge)) {
                srp = SrpClient.start(random);
                parameters.put("SRP_A", srp.publicValueHex());
            }
        }
        Map<String, String> withHash = withSecretHash(username, parameters);
        InitiateAuthResponse response = call(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(withHash).clientMetadata(clientMetadata)));
        if (srp != null && response.challengeName() == ChallengeNameType.PASSWORD_VERIFIER) {
            return SignInAnswer.of(passwordVerifier(srp, response.challengeParameters(), response.session(),
                    username, password, clientMetadata, clock), username);
        }
        if (!response.hasAvailableChallenges()) {
            return SignInAnswer.of(response, username);
        }
        Map<String, String> withChoices = new HashMap<>(response.challengeParameters());
        withChoices.put(AVAILABLE_CHALLENGES, String.join(",", response.availableChallengesAsStrings()));
        return new SignInAnswer(response.authenticationResult(), response.challengeNameAsString(), response.session(),
                withChoices, username);
    }

    /**
     * Answers {@code SELECT_CHALLENGE} with {@code PASSWORD_SRP}: the SRP_A goes with the choice, and the
     * PASSWORD_VERIFIER challenge that follows is answered here.
     */
    public RespondToAuthChallengeResponse selectPasswordSrp(String session, String username, String password,
                                                            Map<String, String> clientMetadata, Clock clock) {
        SrpClient srp = SrpClient.start(random);
        RespondToAuthChallengeResponse verifier = respondToChallenge(ChallengeNameType.SELECT_CHALLENGE, session,
                username, Map.of("ANSWER", "PASSWORD_SRP", "SRP_A", srp.publicValueHex()), clientMetadata);
        if (verifier.challengeName() != ChallengeNameType.PASSWORD_VERIFIER) {
            return verifier;
        }
        return passwordVerifier(srp, verifier.challengeParameters(), verifier.session(), username, password,
                clientMetadata, clock);
    }

    /** InitiateAuth {@code USER_AUTH} with the {@code SESSION} of a confirmed sign-up: the auto sign-in. */
    public SignInAnswer autoSignIn(String username, String signUpSession) {
        Map<String, String> parameters = withSecretHash(username, Map.of("USERNAME", username,
                "SESSION", signUpSession));
        return SignInAnswer.of(call(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(parameters))), username);
    }

    private RespondToAuthChallengeResponse passwordVerifier(SrpClient srp, Map<String, String> challenge,
                                                            String session, String username, String password,
                                                            Map<String, String> clientMetadata, Clock clock) {
        PasswordClaim claim;
        try {
            claim = srp.passwordClaim(poolName, PasswordVerifierChallenge.of(challenge), password, clock.instant());
        } catch (SrpException e) {
            LogMessage.SRP_CHALLENGE_REFUSED.log(LOG, "The SRP sign-in of {0} is refused: {1}", username,
                    e.getMessage());
            throw new CognitoAuthException(AuthError.UNEXPECTED, null, CognitoErrors.userMessage(
                    AuthError.UNEXPECTED), e);
        }
        return respondToChallenge(ChallengeNameType.PASSWORD_VERIFIER, session, claim.userIdForSrp(),
                claim.challengeResponses(), clientMetadata);
    }

    // Account lifecycle (issue 15): DeleteUser, DeleteUserAttributes, GetUserAttributeVerificationCode

    /** Deletes the user of {@code accessToken} from the pool; Cognito invalidates all of the user's tokens. */
    public void deleteUser(String accessToken) {
        call(() -> cognito.deleteUser(b -> b.accessToken(accessToken)));
    }

    public void deleteUserAttributes(String accessToken, Collection<String> attributeNames) {
        call(() -> cognito.deleteUserAttributes(b -> b.accessToken(accessToken).userAttributeNames(attributeNames)));
    }

    public GetUserAttributeVerificationCodeResponse getUserAttributeVerificationCode(
            String accessToken, String attributeName, Map<String, String> clientMetadata) {
        return call(() -> cognito.getUserAttributeVerificationCode(b -> b.accessToken(accessToken)
                .attributeName(attributeName).clientMetadata(clientMetadata)));
    }

    // Devices (issue 15): DEVICE_SRP_AUTH, ConfirmDevice, UpdateDeviceStatus, ListDevices, ForgetDevice

    /**
     * Answers Cognito's DEVICE_SRP_AUTH challenge (in {@code answer}) for the remembered device {@code deviceKey}:
     * SRP_A, then the proof of the device password for its DEVICE_PASSWORD_VERIFIER challenge, Cognito's device
     * variant of SRP (the group key in the pool name's place, the device key in the user's).
     *
     * @return the tokens, or the challenge that follows
     */
    public SignInAnswer deviceSrpAuth(SignInAnswer answer, String deviceKey, String deviceGroupKey,
                                      String devicePassword, Map<String, String> clientMetadata, Clock clock) {
        SrpClient srp = SrpClient.start(random);
        String user = answer.challengeParameters().getOrDefault("USERNAME", answer.username());
        RespondToAuthChallengeResponse challenge = respondToChallenge(ChallengeNameType.DEVICE_SRP_AUTH,
                answer.session(), user, Map.of("DEVICE_KEY", deviceKey, "SRP_A", srp.publicValueHex()),
                clientMetadata);
        String username = challenge.challengeParameters().getOrDefault("USERNAME", user);
        if (challenge.challengeName() != ChallengeNameType.DEVICE_PASSWORD_VERIFIER) {
            return SignInAnswer.of(challenge, username);
        }
        PasswordClaim claim;
        try {
            claim = srp.passwordClaim(deviceGroupKey, PasswordVerifierChallenge.ofDevice(
                    challenge.challengeParameters(), deviceKey), devicePassword, clock.instant());
        } catch (SrpException e) {
            LogMessage.SRP_CHALLENGE_REFUSED.log(LOG, "The device sign-in of {0} is refused: {1}", username,
                    e.getMessage());
            throw new CognitoAuthException(AuthError.UNEXPECTED, null, CognitoErrors.userMessage(
                    AuthError.UNEXPECTED), e);
        }
        return SignInAnswer.of(respondToChallenge(ChallengeNameType.DEVICE_PASSWORD_VERIFIER, challenge.session(),
                username, withDeviceKey(deviceKey, claim.challengeResponses()), clientMetadata), username);
    }

    /**
     * ConfirmDevice: gives Cognito the verifier of a new device's secret.
     *
     * @return Cognito's {@code UserConfirmationNecessary}: the pool lets the user choose to remember it
     */
    public boolean confirmDevice(String accessToken, String deviceKey, DeviceSecret secret, String deviceName) {
        return Boolean.TRUE.equals(call(() -> cognito.confirmDevice(b -> b.accessToken(accessToken)
                .deviceKey(deviceKey).deviceName(deviceName).deviceSecretVerifierConfig(v -> v
                        .passwordVerifier(secret.verifier()).salt(secret.salt())))).userConfirmationNecessary());
    }

    /** UpdateDeviceStatus: {@code remembered} or {@code not_remembered}. */
    public void updateDeviceStatus(String accessToken, String deviceKey, boolean remembered) {
        call(() -> cognito.updateDeviceStatus(b -> b.accessToken(accessToken).deviceKey(deviceKey)
                .deviceRememberedStatus(remembered ? DeviceRememberedStatusType.REMEMBERED
                        : DeviceRememberedStatusType.NOT_REMEMBERED)));
    }

    /** ListDevices, every page (Cognito's largest, 60 a page), at most {@code max} devices. */
    public List<DeviceType> listDevices(String accessToken, int max) {
        List<DeviceType> devices = new ArrayList<>();
        String page = null;
        do {
            String from = page;
            ListDevicesResponse response = call(() -> cognito.listDevices(b -> b.accessToken(accessToken)
                    .limit(DEVICES_PER_PAGE).paginationToken(from)));
            devices.addAll(response.devices());
            page = response.paginationToken();
        } while (page != null && devices.size() < max);
        return devices.size() > max ? devices.subList(0, max) : devices;
    }

    /** ForgetDevice. */
    public void forgetDevice(String accessToken, String deviceKey) {
        call(() -> cognito.forgetDevice(b -> b.accessToken(accessToken).deviceKey(deviceKey)));
    }

    /** A new secret for a device Cognito just handed out. */
    public DeviceSecret newDeviceSecret(String deviceGroupKey, String deviceKey) {
        return DeviceSecret.generate(deviceGroupKey, deviceKey, random);
    }

    private static Map<String, String> withDeviceKey(String deviceKey, Map<String, String> parameters) {
        if (deviceKey == null) {
            return parameters;
        }
        Map<String, String> withKey = new HashMap<>(parameters);
        withKey.put("DEVICE_KEY", deviceKey);
        return withKey;
    }

    // MFA self-service (issue 15): the signed-in user's own calls, authorised by the access token

    /** AssociateSoftwareToken for a signed-in user: a new authenticator secret, inactive until verified. */
    public AssociateSoftwareTokenResponse associateSoftwareTokenOfUser(String accessToken) {
        return call(() -> cognito.associateSoftwareToken(b -> b.accessToken(accessToken)));
    }

    /** VerifySoftwareToken for a signed-in user; {@code friendlyDeviceName} may be null (not sent). */
    public VerifySoftwareTokenResponse verifySoftwareTokenOfUser(String accessToken, String code,
                                                                 String friendlyDeviceName) {
        return call(() -> cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code)
                .friendlyDeviceName(friendlyDeviceName)));
    }

    /** SetUserMFAPreference; a null setting is not sent (Cognito leaves that type as it is). */
    public void setUserMfaPreference(String accessToken, SMSMfaSettingsType sms, SoftwareTokenMfaSettingsType totp,
                                     EmailMfaSettingsType email) {
        call(() -> cognito.setUserMFAPreference(b -> b.accessToken(accessToken).smsMfaSettings(sms)
                .softwareTokenMfaSettings(totp).emailMfaSettings(email)));
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
