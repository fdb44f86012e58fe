package dev.cognitoee;

/** What a sign-up needs next. */
public enum SignUpStep {
    /** Enter the code Cognito sent ({@code confirmSignUp}). */
    CONFIRM_SIGN_UP,
    /** Done. */
    DONE
}
