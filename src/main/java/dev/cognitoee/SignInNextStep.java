package dev.cognitoee;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The next step of a sign-in, with what the page needs to ask for it.
 *
 * @param signInStep          the step
 * @param codeDeliveryDetails where an MFA code was sent (SMS and email codes), else null
 * @param allowedMfaTypes     the MFA types to choose from ({@code SMS}, {@code TOTP}, {@code EMAIL}), else empty
 * @param totpSetupDetails    the authenticator-app secret and URI (TOTP setup), else null
 * @param missingAttributes   attributes Cognito requires with the new password, else empty
 * @param additionalInfo      the parameters of a custom challenge, else empty
 * @param availableChallenges the first factors to choose from ({@code PASSWORD}, {@code PASSWORD_SRP},
 *                            {@code EMAIL_OTP}, {@code SMS_OTP}, {@code WEB_AUTHN}), else empty
 * @param credentialRequestOptions the WebAuthn {@code PublicKeyCredentialRequestOptions} as Cognito sent them (JSON,
 *                            for the browser's {@code navigator.credentials.get}), else null
 */
public record SignInNextStep(SignInStep signInStep, CodeDeliveryDetails codeDeliveryDetails,
                             Set<String> allowedMfaTypes, TotpSetupDetails totpSetupDetails,
                             List<String> missingAttributes, Map<String, String> additionalInfo,
                             List<String> availableChallenges, String credentialRequestOptions) {

    /**
     * A step of a password or MFA sign-in: no first factor to choose, no passkey.
     *
     * @param signInStep          the step
     * @param codeDeliveryDetails where an MFA code was sent, else null
     * @param allowedMfaTypes     the MFA types to choose from, else empty
     * @param totpSetupDetails    the authenticator-app secret and URI, else null
     * @param missingAttributes   attributes Cognito requires with the new password, else empty
     * @param additionalInfo      the parameters of a custom challenge, else empty
     */
    public SignInNextStep(SignInStep signInStep, CodeDeliveryDetails codeDeliveryDetails,
                          Set<String> allowedMfaTypes, TotpSetupDetails totpSetupDetails,
                          List<String> missingAttributes, Map<String, String> additionalInfo) {
        this(signInStep, codeDeliveryDetails, allowedMfaTypes, totpSetupDetails, missingAttributes, additionalInfo,
                List.of(), null);
    }

    /**
     * A step that needs nothing more than its name.
     *
     * @param step the step
     * @return the step, with no details
     */
    public static SignInNextStep of(SignInStep step) {
        return new SignInNextStep(step, null, Set.of(), null, List.of(), Map.of());
    }
}
