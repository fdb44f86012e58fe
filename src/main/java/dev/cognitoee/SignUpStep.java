package dev.cognitoee;

/** What a sign-up needs next. */
public enum SignUpStep {
    /** Enter the code Cognito sent ({@code confirmSignUp}). */
    CONFIRM_SIGN_UP,
    /** Confirmed, and a sign-in was asked for at sign-up: call {@code autoSignIn()} (no password needed). */
    COMPLETE_AUTO_SIGN_IN,
    /** Done. */
    DONE
}
