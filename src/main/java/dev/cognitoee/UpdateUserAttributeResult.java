package dev.cognitoee;

/**
 * The outcome for one attribute of {@code updateUserAttributes}.
 *
 * @param isUpdated           whether the new value is in place; false when it waits for a code
 *                            ({@code confirmUserAttribute}), as for a changed email or phone number
 * @param codeDeliveryDetails where the verification code was sent, else null
 */
public record UpdateUserAttributeResult(boolean isUpdated, CodeDeliveryDetails codeDeliveryDetails) {
}
