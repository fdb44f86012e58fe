package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CodeDeliveryDetails;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInNextStep;
import dev.cognitoee.SignInStep;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of Cognito's choice-based sign-in ({@code USER_AUTH}), as Amplify Auth v6 names them: choosing the first
 * factor ({@code SELECT_CHALLENGE}), the password once a password factor is chosen, a code by SMS, a passkey
 * ({@code WEB_AUTHN}). Choosing {@code PASSWORD} or {@code PASSWORD_SRP} calls nobody: the password is asked next and
 * goes to Cognito with the choice, so the pending sign-in waits under the factor's name with Cognito's
 * SELECT_CHALLENGE session.
 */
final class FirstFactor {

    /** The first factors answered with a password. */
    static final Set<String> PASSWORD_FACTORS = Set.of("PASSWORD", "PASSWORD_SRP");

    /**
     * The largest WebAuthn assertion relayed, in characters. A {@code PublicKeyCredential} with an assertion is some
     * hundreds of bytes to a few kilobytes (authenticator data, client data, signature, user handle, Base64URL).
     */
    static final int MAX_CREDENTIAL_CHARS = 16 * 1024;

    private FirstFactor() {
    }

    /** Whether {@code answer} to {@code pending} chooses a password factor: the password is asked next. */
    static boolean choosesPassword(PendingSignIn pending, String answer) {
        return "SELECT_CHALLENGE".equals(pending.challenge()) && answer != null
                && PASSWORD_FACTORS.contains(answer) && available(pending.parameters()).contains(answer);
    }

    /** The challenge responses that choose {@code answer}, one of the factors Cognito offered. */
    static Map<String, String> selection(PendingSignIn pending, String answer) {
        if (answer == null || !available(pending.parameters()).contains(answer)) {
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER,
                    "Choose one of the offered ways to sign in: " + available(pending.parameters()));
        }
        return Map.of("ANSWER", answer);
    }

    /**
     * The browser's {@code PublicKeyCredential} JSON, checked before it is relayed: bounded in size and a JSON
     * object. Cognito checks the assertion itself.
     */
    static String credential(String json) {
        if (json == null || json.length() > MAX_CREDENTIAL_CHARS) {
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER,
                    "The passkey answer must be the browser's credential as JSON, of at most "
                            + MAX_CREDENTIAL_CHARS + " characters");
        }
        try (JsonReader reader = JsonFactories.reader(json)) {
            reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER,
                    "The passkey answer must be the browser's credential as a JSON object");
        }
        return json;
    }

    /** The step of a pending choice-based sign-in. */
    static SignInNextStep nextStep(PendingSignIn pending) {
        Map<String, String> parameters = pending.parameters();
        return switch (pending.challenge()) {
            case "SELECT_CHALLENGE" -> new SignInNextStep(SignInStep.CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION,
                    null, Set.of(), null, List.of(), Map.of(), available(parameters), null);
            case "PASSWORD", "PASSWORD_SRP" -> SignInNextStep.of(SignInStep.CONFIRM_SIGN_IN_WITH_PASSWORD);
            case "SMS_OTP" -> new SignInNextStep(SignInStep.CONFIRM_SIGN_IN_WITH_SMS_CODE, new CodeDeliveryDetails(
                    parameters.get("CODE_DELIVERY_DESTINATION"), parameters.get("CODE_DELIVERY_DELIVERY_MEDIUM"),
                    null), Set.of(), null, List.of(), Map.of());
            case "WEB_AUTHN" -> new SignInNextStep(SignInStep.CONTINUE_SIGN_IN_WITH_WEB_AUTHN, null, Set.of(), null,
                    List.of(), Map.of(), List.of(), parameters.get("CREDENTIAL_REQUEST_OPTIONS"));
            default -> throw new IllegalArgumentException(pending.challenge());
        };
    }

    /** The factors Cognito offered with SELECT_CHALLENGE, in its order. */
    static List<String> available(Map<String, String> parameters) {
        String offered = parameters.getOrDefault(UserPoolClient.AVAILABLE_CHALLENGES, "");
        return offered.isEmpty() ? List.of() : List.of(offered.split(","));
    }
}
