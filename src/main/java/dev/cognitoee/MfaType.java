package dev.cognitoee;

/** A kind of multi-factor authentication (Amplify Auth v6's {@code AuthMFAType}). */
public enum MfaType {
    /** A code sent by text message (Cognito's {@code SMS_MFA}). */
    SMS,
    /** A code of an authenticator app (Cognito's {@code SOFTWARE_TOKEN_MFA}). */
    TOTP,
    /** A code sent by email (Cognito's {@code EMAIL_OTP}). */
    EMAIL
}
