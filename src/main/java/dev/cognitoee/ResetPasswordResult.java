package dev.cognitoee;

/**
 * The result of {@code resetPassword}: a code was sent, to be given to {@code confirmResetPassword}.
 *
 * @param isPasswordReset     always false here: the reset completes with {@code confirmResetPassword}
 * @param codeDeliveryDetails where the code was sent
 */
public record ResetPasswordResult(boolean isPasswordReset, CodeDeliveryDetails codeDeliveryDetails) {
}
