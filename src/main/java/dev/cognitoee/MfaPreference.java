package dev.cognitoee;

/**
 * What to make of one MFA type for the signed-in user (Amplify Auth v6's {@code MFAPreference}), in
 * {@link MfaPreferenceUpdate}.
 */
public enum MfaPreference {
    /** Turn it on, leaving which type is preferred as it is (Cognito: {@code Enabled: true}). */
    ENABLED,
    /** Turn it off (Cognito: {@code Enabled: false}). */
    DISABLED,
    /** Turn it on and make it the type Cognito asks for at sign-in ({@code Enabled: true, PreferredMfa: true}). */
    PREFERRED,
    /** Turn it on, not as the preferred type ({@code Enabled: true, PreferredMfa: false}). */
    NOT_PREFERRED
}
