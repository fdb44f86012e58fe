package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInNextStep;
import dev.cognitoee.SignInStep;
import dev.cognitoee.TotpSetupDetails;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.userpool.CognitoErrors;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Cognito's {@code MFA_SETUP} challenge: a user who must use MFA and has none sets one up during sign-in, as
 * Amplify v6 does it. Cognito lists what can be set up in {@code MFAS_CAN_SETUP}; of those, an authenticator app
 * ({@code SOFTWARE_TOKEN_MFA}) and email ({@code EMAIL_OTP}) can be set up here:
 * <ul>
 *   <li>both: {@link SignInStep#CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION}, answered {@code TOTP} or {@code EMAIL};
 *   the choice narrows {@code MFAS_CAN_SETUP} to that type (no call to Cognito);</li>
 *   <li>an authenticator app: AssociateSoftwareToken with the challenge's session, then
 *   {@link SignInStep#CONTINUE_SIGN_IN_WITH_TOTP_SETUP}, answered with the app's first code (VerifySoftwareToken,
 *   then RespondToAuthChallenge {@code MFA_SETUP});</li>
 *   <li>email: {@link SignInStep#CONTINUE_SIGN_IN_WITH_EMAIL_SETUP}, answered with the address (RespondToAuthChallenge
 *   {@code MFA_SETUP} with {@code EMAIL}), after which Cognito sends a code ({@code EMAIL_OTP}).</li>
 * </ul>
 */
final class MfaSetupChallenge {

    private static final String CAN_SETUP = "MFAS_CAN_SETUP";
    private static final String TOTP = "SOFTWARE_TOKEN_MFA";
    private static final String EMAIL = "EMAIL_OTP";

    private final UserPoolClient userPool;
    private final SessionSealer sealer;
    private final String issuer;

    /**
     * @param issuer the issuer named in the authenticator URI (the user pool's id)
     */
    MfaSetupChallenge(UserPoolClient userPool, SessionSealer sealer, String issuer) {
        this.userPool = userPool;
        this.sealer = sealer;
        this.issuer = issuer;
    }

    /** Keeps {@code challenge} pending in the session and says what the page asks for. */
    SignInNextStep step(HttpServletRequest request, PendingSignIn challenge, String cognitoSession) {
        Set<String> types = setupTypes(challenge.parameters());
        if (types.size() > 1) {
            SessionStore.pendingSignIn(request, challenge);
            return new SignInNextStep(SignInStep.CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION, null, Set.of("TOTP",
                    "EMAIL"), null, List.of(), Map.of());
        }
        if (types.contains(EMAIL)) {
            SessionStore.pendingSignIn(request, challenge);
            return SignInNextStep.of(SignInStep.CONTINUE_SIGN_IN_WITH_EMAIL_SETUP);
        }
        if (types.contains(TOTP)) {
            var association = userPool.associateSoftwareToken(cognitoSession);
            SessionStore.pendingSignIn(request, challenge.next(challenge.challenge(),
                    sealer.seal(Purpose.CHALLENGE_SESSION, association.session()), challenge.parameters()));
            return new SignInNextStep(SignInStep.CONTINUE_SIGN_IN_WITH_TOTP_SETUP, null, Set.of(),
                    TotpSetupDetails.of(association.secretCode(), issuer, challenge.username()), List.of(),
                    Map.of());
        }
        SessionStore.dropPendingSignIn(request);
        throw new CognitoAuthException(AuthError.UNEXPECTED, null, "Cognito asks to set up MFA of a type this "
                + "module cannot set up (" + challenge.parameters().get(CAN_SETUP) + ")", null);
    }

    /**
     * Cognito's answer to {@code answer}. A choice between types is no call: the answer is the same challenge,
     * narrowed to the type chosen, for {@link #step} to ask for it.
     */
    RespondToAuthChallengeResponse answer(PendingSignIn pending, String cognitoSession, String answer,
                                          Map<String, String> clientMetadata) {
        if (answer == null) {
            throw invalid();
        }
        Set<String> types = setupTypes(pending.parameters());
        if (types.size() > 1) {
            String chosen = switch (answer) {
                case "TOTP" -> TOTP;
                case "EMAIL" -> EMAIL;
                default -> throw invalid();
            };
            Map<String, String> narrowed = new HashMap<>(pending.parameters());
            narrowed.put(CAN_SETUP, "[\"" + chosen + "\"]");
            return RespondToAuthChallengeResponse.builder().challengeName(ChallengeNameType.MFA_SETUP)
                    .session(cognitoSession).challengeParameters(narrowed).build();
        }
        if (types.contains(EMAIL)) {
            String address = answer.strip();
            if (address.indexOf('@') < 1 || address.chars().anyMatch(Character::isWhitespace)) {
                throw invalid();
            }
            return userPool.respondToChallenge(ChallengeNameType.MFA_SETUP, cognitoSession, pending.username(),
                    Map.of("EMAIL", address), clientMetadata);
        }
        String verifiedSession = userPool.verifySoftwareToken(cognitoSession, answer.strip()).session();
        return userPool.respondToChallenge(ChallengeNameType.MFA_SETUP, verifiedSession, pending.username(),
                Map.of(), clientMetadata);
    }

    /**
     * The types of {@code MFAS_CAN_SETUP} that can be set up here. Without the parameter (older answers of
     * Cognito), an authenticator app.
     */
    private static Set<String> setupTypes(Map<String, String> parameters) {
        String json = parameters.get(CAN_SETUP);
        if (json == null || json.isBlank()) {
            return Set.of(TOTP);
        }
        Set<String> types = new LinkedHashSet<>();
        try (JsonReader reader = JsonFactories.reader(json)) {
            reader.readArray().getValuesAs(JsonString::getString).stream()
                    .filter(type -> type.equals(TOTP) || type.equals(EMAIL)).forEach(types::add);
        } catch (JsonException | ClassCastException e) {
            return Set.of(TOTP);
        }
        return types;
    }

    private static CognitoAuthException invalid() {
        return new CognitoAuthException(AuthError.INVALID_PARAMETER, null,
                CognitoErrors.userMessage(AuthError.INVALID_PARAMETER), null);
    }
}
