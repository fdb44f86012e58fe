package dev.cognitoee;

/**
 * The outcome for one attribute of {@code updateUserAttributes} (Amplify's {@code UpdateUserAttributeOutput}).
 *
 * @param isUpdated           whether the new value is in place; false when it waits for a code
 *                            ({@code confirmUserAttribute}), as for a changed email or phone number
 * @param codeDeliveryDetails where the verification code was sent, else null
 */
public record UpdateUserAttributeResult(boolean isUpdated, CodeDeliveryDetails codeDeliveryDetails) {

    /** What the user does next for this attribute (Amplify's {@code nextStep.updateAttributeStep}). */
    public enum Step {
        /** Give the code Cognito sent ({@link #codeDeliveryDetails()}) to {@code confirmUserAttribute}. */
        CONFIRM_ATTRIBUTE_WITH_CODE,
        /** Nothing: the attribute is updated. */
        DONE
    }

    /**
     * The next step for this attribute.
     *
     * @return {@code DONE} when updated, {@code CONFIRM_ATTRIBUTE_WITH_CODE} when it waits for a code
     */
    public Step updateAttributeStep() {
        return isUpdated ? Step.DONE : Step.CONFIRM_ATTRIBUTE_WITH_CODE;
    }
}
