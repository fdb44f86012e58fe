package dev.cognitoee;

/**
 * The result of {@code signUp} or {@code confirmSignUp}.
 *
 * @param isSignUpComplete    whether the account is confirmed
 * @param userId              the new user's {@code sub} (from {@code signUp}), else null
 * @param nextStep            what to do next
 * @param codeDeliveryDetails where the confirmation code was sent, else null
 * @param isSignedIn          whether the user was signed in as well (auto sign-in)
 */
public record SignUpResult(boolean isSignUpComplete, String userId, SignUpStep nextStep,
                           CodeDeliveryDetails codeDeliveryDetails, boolean isSignedIn) {
}
