package dev.cognitoee;

/** What a sign-in needs next (Amplify Auth v6 names). */
public enum SignInStep {
    /** Set a new password ({@code NEW_PASSWORD_REQUIRED}): answer with {@code confirmSignIn(newPassword)}. */
    CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED,
    /** Enter the code sent by SMS ({@code SMS_MFA}). */
    CONFIRM_SIGN_IN_WITH_SMS_CODE,
    /** Enter the code of the authenticator app ({@code SOFTWARE_TOKEN_MFA}). */
    CONFIRM_SIGN_IN_WITH_TOTP_CODE,
    /** Enter the code sent by email ({@code EMAIL_OTP}). */
    CONFIRM_SIGN_IN_WITH_EMAIL_CODE,
    /** Choose the MFA type ({@code SELECT_MFA_TYPE}): answer {@code SMS}, {@code TOTP} or {@code EMAIL}. */
    CONTINUE_SIGN_IN_WITH_MFA_SELECTION,
    /** Set up an authenticator app ({@code MFA_SETUP}): show the secret or URI, answer with its first code. */
    CONTINUE_SIGN_IN_WITH_TOTP_SETUP,
    /** Answer a custom challenge of the pool's Lambda triggers ({@code CUSTOM_CHALLENGE}). */
    CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE,
    /** The user has not confirmed the sign-up: {@code confirmSignUp} (or {@code resendSignUpCode}) first. */
    CONFIRM_SIGN_UP,
    /** An administrator requires a password reset: {@code resetPassword} first. */
    RESET_PASSWORD,
    /**
     * Choose the first factor of a choice-based sign-in ({@code USER_AUTH}'s {@code SELECT_CHALLENGE}): answer one of
     * {@link SignInNextStep#availableChallenges()}, e.g. {@code confirmSignIn("EMAIL_OTP")}.
     */
    CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION,
    /** Enter the password, the first factor chosen ({@code PASSWORD} or {@code PASSWORD_SRP}). */
    CONFIRM_SIGN_IN_WITH_PASSWORD,
    /**
     * Sign in with a passkey ({@code WEB_AUTHN}): hand {@link SignInNextStep#credentialRequestOptions()} to the
     * browser's {@code navigator.credentials.get}, answer with the {@code PublicKeyCredential} as JSON. Amplify has no
     * such step because it runs that browser call itself; on the server the browser must run it.
     */
    CONTINUE_SIGN_IN_WITH_WEB_AUTHN,
    /**
     * Choose the MFA type to set up ({@code MFA_SETUP} offering several): answer {@code TOTP} or {@code EMAIL}
     * ({@link SignInNextStep#allowedMfaTypes()}).
     */
    CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION,
    /**
     * Set up email MFA ({@code MFA_SETUP} with {@code EMAIL_OTP}): answer with the email address to send codes to;
     * a {@link #CONFIRM_SIGN_IN_WITH_EMAIL_CODE} follows.
     */
    CONTINUE_SIGN_IN_WITH_EMAIL_SETUP,
    /** Signed in. */
    DONE
}
