package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CodeDeliveryDetails;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.SignInNextStep;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignInStep;
import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.device.DeviceTracking;
import dev.cognitoee.internal.config.SignInAuthFlow;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.userpool.CognitoErrors;
import dev.cognitoee.internal.userpool.SignInAnswer;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Password sign-in and its challenges, ending in a signed-in HTTP session: the tokens are stored server-side, the
 * session id changes, {@link SignedIn} is fired. A challenge is kept in the session until {@code confirmSignIn}.
 */
@ApplicationScoped
public class SignInFlow {

    private static final Logger LOG = Logger.getLogger(SignInFlow.class.getName());

    @Inject
    UserPoolClient userPool;

    @Inject
    SessionSealer sealer;

    @Inject
    CognitoConfig config;

    @Inject
    AuthEvents events;

    @Inject
    DeviceTracking devices;

    @Inject
    @ModuleClock
    Clock clock;

    private volatile SignInPermits permits;

    /**
     * A password sign-in with the configured flow (USER_PASSWORD_AUTH, or USER_SRP_AUTH and its PASSWORD_VERIFIER
     * challenge); refused with {@code TOO_MANY_REQUESTS} past the concurrency bound.
     */
    public SignInResult passwordSignIn(HttpServletRequest request, String username, String password,
                                       Map<String, String> clientMetadata, SignInMethod method) {
        return startSignIn(request, username, method, () -> devices.signIn(request, username, clientMetadata,
                deviceKey -> authenticate(username, password, clientMetadata, deviceKey)));
    }

    /** Both of Cognito's calls of an SRP sign-in count as one sign-in in flight. */
    private SignInAnswer authenticate(String username, String password, Map<String, String> clientMetadata,
                                      String deviceKey) {
        return config.signInAuthFlow() == SignInAuthFlow.USER_SRP_AUTH
                ? userPool.srpAuth(username, password, clientMetadata, clock, deviceKey)
                : SignInAnswer.of(userPool.passwordAuth(username, password, clientMetadata, deviceKey), username);
    }

    /** Answers the challenge pending in the request's session. */
    public SignInResult confirmSignIn(HttpServletRequest request, String answer, Map<String, String> userAttributes,
                                      Map<String, String> clientMetadata) {
        PendingSignIn pending = SessionStore.pendingSignIn(request);
        if (pending == null) {
            throw new CognitoAuthException(AuthError.NO_SIGN_IN_IN_PROGRESS,
                    "No sign-in is waiting for an answer in this session: call signIn first");
        }
        if (FirstFactor.choosesPassword(pending, answer)) {
            return passwordChosen(request, pending, answer);
        }
        try {
            String cognitoSession = open(request, pending);
            RespondToAuthChallengeResponse response = permits().call(
                    () -> respond(pending, cognitoSession, answer, userAttributes, clientMetadata));
            return outcome(request, response.authenticationResult(), pending.next(response.challengeNameAsString(),
                    seal(response.session()), response.challengeParameters()), response.session(),
                    SignInMethod.CHALLENGE);
        } catch (CognitoAuthException e) {
            CognitoAuthException failure = FirstFactor.PASSWORD_FACTORS.contains(pending.challenge())
                    ? passwordFailure(e) : e;
            events.fire(new SignInFailed(pending.username(), failure.error(), SignInMethod.CHALLENGE,
                    PoolJsonWebToken.DEFAULT_POOL, clock.instant()));
            throw failure;
        }
    }

    /**
     * Cognito's session string of the pending sign-in. One sealed under a retired key (or altered) cannot be used:
     * the pending sign-in is dropped and the user signs in again.
     */
    private String open(HttpServletRequest request, PendingSignIn pending) {
        try {
            return sealer.open(Purpose.CHALLENGE_SESSION, pending.session());
        } catch (SealBrokenException e) {
            // A retired key is the expected end of a rotation (INFO); an altered seal is worth an operator's look.
            LogMessage.SESSION_SEAL_BROKEN.log(LOG, e.reason() == SealBrokenException.Reason.TAMPERED ? Level.WARNING
                    : Level.INFO, "Dropping the sign-in of {0} waiting for {1}: its challenge session {2}",
                    pending.username(), pending.challenge(), e.getMessage());
            SessionStore.dropPendingSignIn(request);
            throw new CognitoAuthException(AuthError.NO_SIGN_IN_IN_PROGRESS,
                    "The sign-in in progress can no longer be continued: call signIn again");
        }
    }

    /** Cognito's session string, sealed for the HTTP session; null (no challenge) stays null. */
    private Sealed seal(String cognitoSession) {
        return cognitoSession == null ? null : sealer.seal(Purpose.CHALLENGE_SESSION, cognitoSession);
    }

    private RespondToAuthChallengeResponse respond(PendingSignIn pending, String cognitoSession, String answer,
                                                   Map<String, String> userAttributes,
                                                   Map<String, String> clientMetadata) {
        ChallengeNameType challenge = ChallengeNameType.fromValue(pending.challenge());
        if (FirstFactor.PASSWORD_FACTORS.contains(pending.challenge())) {
            return respondWithPassword(pending, cognitoSession, answer, clientMetadata);
        }
        if (challenge == ChallengeNameType.MFA_SETUP) {
            return mfaSetup().answer(pending, cognitoSession, answer, clientMetadata);
        }
        Map<String, String> responses = new HashMap<>();
        switch (challenge) {
            case NEW_PASSWORD_REQUIRED -> {
                responses.put("NEW_PASSWORD", answer);
                userAttributes.forEach((name, value) -> responses.put("userAttributes." + name, value));
            }
            case SMS_MFA -> responses.put("SMS_MFA_CODE", answer);
            case SOFTWARE_TOKEN_MFA -> responses.put("SOFTWARE_TOKEN_MFA_CODE", answer);
            case EMAIL_OTP -> responses.put("EMAIL_OTP_CODE", answer);
            case SELECT_MFA_TYPE -> responses.put("ANSWER", mfaType(answer));
            case CUSTOM_CHALLENGE -> responses.put("ANSWER", answer);
            case SELECT_CHALLENGE -> responses.putAll(FirstFactor.selection(pending, answer));
            case SMS_OTP -> responses.put("SMS_OTP_CODE", answer);
            case WEB_AUTHN -> responses.put("CREDENTIAL", FirstFactor.credential(answer));
            default -> throw unsupported(pending.challenge());
        }
        return userPool.respondToChallenge(challenge, cognitoSession, pending.username(), responses,
                clientMetadata);
    }

    /**
     * Signs in with {@code tokens}, or keeps {@code challenge} pending.
     *
     * @param cognitoSession the clear text of {@code challenge}'s session, as Cognito just sent it
     */
    private SignInResult outcome(HttpServletRequest request, AuthenticationResultType tokens, PendingSignIn challenge,
                                 String cognitoSession, SignInMethod method) {
        if (tokens != null) {
            signedIn(request, tokens.accessToken(), tokens.idToken(), tokens.refreshToken(), challenge.username(),
                    method);
            devices.signedIn(request, tokens, challenge.username());
            return SignInResult.signedIn();
        }
        SignInNextStep step = nextStep(challenge);
        if (ChallengeNameType.MFA_SETUP.toString().equals(challenge.challenge())) {
            step = mfaSetup().step(request, challenge, cognitoSession);
        } else {
            SessionStore.pendingSignIn(request, challenge);
        }
        return SignInResult.next(step);
    }

    /**
     * Ends a successful sign-in, whichever way it came (password, challenge, hosted UI): the tokens are stored
     * server-side in a new session (the previous one is ended) and {@link SignedIn} is fired. The tokens come straight
     * from Cognito (the hosted UI's tokens are verified by the caller first).
     *
     * @param fallbackUsername the username when the access token has no {@code username} claim
     * @return the tokens now in the session
     */
    public SessionTokens signedIn(HttpServletRequest request, String accessToken, String idToken, String refreshToken,
                                  String fallbackUsername, SignInMethod method) {
        JsonObject access = Jwt.decode(accessToken);
        String username = access.getString("username", fallbackUsername);
        SessionTokens tokens = new SessionTokens(username, accessToken, idToken,
                refreshToken == null ? null : sealer.seal(Purpose.REFRESH_TOKEN, refreshToken),
                TokenExpiry.of(accessToken, idToken));
        SessionStore.signIn(request, tokens);
        if (method == SignInMethod.HOSTED_UI) {
            SessionStore.markHostedUi(request);
        }
        events.fire(new SignedIn(username, access.getString("sub", null), groups(access), method,
                PoolJsonWebToken.DEFAULT_POOL, clock.instant()));
        return tokens;
    }

    private static SignInNextStep nextStep(PendingSignIn challenge) {
        Map<String, String> parameters = challenge.parameters();
        return switch (ChallengeNameType.fromValue(challenge.challenge())) {
            case NEW_PASSWORD_REQUIRED -> new SignInNextStep(SignInStep.CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED,
                    null, Set.of(), null, requiredAttributes(parameters.get("requiredAttributes")), Map.of());
            case SMS_MFA -> withDelivery(SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE, parameters);
            case EMAIL_OTP -> withDelivery(SignInStep.CONFIRM_SIGN_IN_WITH_EMAIL_CODE, parameters);
            case SOFTWARE_TOKEN_MFA -> SignInNextStep.of(SignInStep.CONFIRM_SIGN_IN_WITH_TOTP_CODE);
            case SELECT_MFA_TYPE -> new SignInNextStep(SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SELECTION, null,
                    mfaTypes(parameters.get("MFAS_CAN_CHOOSE")), null, List.of(), Map.of());
            case MFA_SETUP -> SignInNextStep.of(SignInStep.CONTINUE_SIGN_IN_WITH_TOTP_SETUP);
            case CUSTOM_CHALLENGE -> new SignInNextStep(SignInStep.CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE, null,
                    Set.of(), null, List.of(), Map.copyOf(parameters));
            case SELECT_CHALLENGE, PASSWORD, PASSWORD_SRP, SMS_OTP, WEB_AUTHN -> FirstFactor.nextStep(challenge);
            default -> throw unsupported(challenge.challenge());
        };
    }

    private static SignInNextStep withDelivery(SignInStep step, Map<String, String> parameters) {
        return new SignInNextStep(step, new CodeDeliveryDetails(parameters.get("CODE_DELIVERY_DESTINATION"),
                parameters.get("CODE_DELIVERY_DELIVERY_MEDIUM"), null), Set.of(), null, List.of(), Map.of());
    }

    /** Cognito's JSON array of "userAttributes.x" names, as plain attribute names. */
    private static List<String> requiredAttributes(String json) {
        return jsonStrings(json).stream().map(name -> name.replaceFirst("^userAttributes\\.", "")).toList();
    }

    /** SMS_MFA / SOFTWARE_TOKEN_MFA / EMAIL_OTP as Amplify's SMS / TOTP / EMAIL. */
    private static Set<String> mfaTypes(String json) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : jsonStrings(json)) {
            types.add(switch (type) {
                case "SMS_MFA" -> "SMS";
                case "SOFTWARE_TOKEN_MFA" -> "TOTP";
                case "EMAIL_OTP" -> "EMAIL";
                default -> type;
            });
        }
        return types;
    }

    private static String mfaType(String answer) {
        return switch (answer) {
            case "SMS" -> "SMS_MFA";
            case "TOTP" -> "SOFTWARE_TOKEN_MFA";
            case "EMAIL" -> "EMAIL_OTP";
            default -> answer;
        };
    }

    private static List<String> jsonStrings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = JsonFactories.reader(json)) {
            return reader.readArray().getValuesAs(JsonString::getString);
        } catch (JsonException | ClassCastException e) {
            return List.of();
        }
    }

    private static Set<String> groups(JsonObject accessClaims) {
        JsonArray groups = accessClaims.getJsonArray("cognito:groups");
        return groups == null ? Set.of() : Set.copyOf(groups.getValuesAs(JsonString::getString));
    }

    private MfaSetupChallenge mfaSetup() {
        return new MfaSetupChallenge(userPool, sealer, config.userPoolId());
    }

    private SignInPermits permits() {
        SignInPermits current = permits;
        if (current == null) {
            synchronized (this) {
                if (permits == null) {
                    permits = new SignInPermits(config.maxConcurrentSignIns());
                }
                current = permits;
            }
        }
        return current;
    }

    /**
     * What a caller is told when a password sign-in fails. An unknown user and a wrong password get the same answer,
     * so that sign-in cannot be used to find out who has an account (Cognito says so too when the pool prevents
     * user-existence errors, the default for new pools). A sign-in sets no password (nor does the SRP proof), so
     * Cognito never means "password policy" there; the emulator answers a wrong password with
     * InvalidPasswordException where Cognito says NotAuthorizedException.
     */
    private static CognitoAuthException passwordFailure(CognitoAuthException e) {
        if (e.error() == AuthError.INVALID_PASSWORD || e.error() == AuthError.USER_NOT_FOUND) {
            return new CognitoAuthException(AuthError.NOT_AUTHORIZED, e.cognitoErrorCode(),
                    CognitoErrors.userMessage(AuthError.NOT_AUTHORIZED), e);
        }
        return e;
    }

    private static CognitoAuthException unsupported(String challenge) {
        return new CognitoAuthException(AuthError.UNEXPECTED, null,
                "The sign-in challenge " + challenge + " is not supported", null);
    }

    // Custom auth and choice-based sign-in (USER_AUTH), auto sign-in (issue 15)

    /**
     * Starts a sign-in with {@code start} (InitiateAuth of any flow), counted against the concurrency bound, and ends
     * it as every sign-in ends: signed in, a challenge kept pending, or a failure with its event (an unknown user
     * answered as a wrong password).
     */
    public SignInResult startSignIn(HttpServletRequest request, String username, SignInMethod method,
                                    Supplier<SignInAnswer> start) {
        SignInAnswer answer;
        try {
            answer = permits().call(start);
        } catch (CognitoAuthException e) {
            CognitoAuthException failure = passwordFailure(e);
            events.fire(new SignInFailed(username, failure.error(), method, PoolJsonWebToken.DEFAULT_POOL,
                    clock.instant()));
            return switch (failure.error()) {
                case USER_NOT_CONFIRMED -> SignInResult.next(SignInNextStep.of(SignInStep.CONFIRM_SIGN_UP));
                case PASSWORD_RESET_REQUIRED -> SignInResult.next(SignInNextStep.of(SignInStep.RESET_PASSWORD));
                default -> throw failure;
            };
        }
        return outcome(request, answer.tokens(), new PendingSignIn(answer.username(), answer.challengeName(),
                seal(answer.session()), answer.challengeParameters(), method == SignInMethod.FORM), answer.session(),
                method);
    }

    /** A password factor chosen: nothing goes to Cognito until the password comes with the choice. */
    private static SignInResult passwordChosen(HttpServletRequest request, PendingSignIn selection, String factor) {
        PendingSignIn chosen = selection.next(factor, selection.session(), selection.parameters());
        SessionStore.pendingSignIn(request, chosen);
        return SignInResult.next(FirstFactor.nextStep(chosen));
    }

    /** SELECT_CHALLENGE answered with the password factor chosen and the password (or its SRP proof). */
    private RespondToAuthChallengeResponse respondWithPassword(PendingSignIn pending, String cognitoSession,
                                                               String password, Map<String, String> clientMetadata) {
        if ("PASSWORD_SRP".equals(pending.challenge())) {
            return userPool.selectPasswordSrp(cognitoSession, pending.username(), password, clientMetadata, clock);
        }
        return userPool.respondToChallenge(ChallengeNameType.SELECT_CHALLENGE, cognitoSession, pending.username(),
                Map.of("ANSWER", "PASSWORD", "PASSWORD", password), clientMetadata);
    }
}
