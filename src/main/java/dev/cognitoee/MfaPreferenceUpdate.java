package dev.cognitoee;

/**
 * The change {@link CognitoAuth#updateMFAPreference(MfaPreferenceUpdate)} makes, one {@link MfaPreference} per MFA
 * type (Amplify Auth v6's {@code UpdateMFAPreferenceInput}); a null type is left as it is (not sent to Cognito).
 *
 * <pre>{@code auth.updateMFAPreference(MfaPreferenceUpdate.NONE.withTotp(MfaPreference.PREFERRED)
 *         .withEmail(MfaPreference.DISABLED));}</pre>
 *
 * @param sms   the SMS preference, or null to leave it
 * @param totp  the authenticator-app preference, or null to leave it
 * @param email the email preference, or null to leave it
 */
public record MfaPreferenceUpdate(MfaPreference sms, MfaPreference totp, MfaPreference email) {

    /** No change; the start of {@code NONE.withTotp(...)}. */
    public static final MfaPreferenceUpdate NONE = new MfaPreferenceUpdate(null, null, null);

    /**
     * This change, with the SMS preference set.
     *
     * @param preference the SMS preference, or null to leave it
     * @return the new change
     */
    public MfaPreferenceUpdate withSms(MfaPreference preference) {
        return new MfaPreferenceUpdate(preference, totp, email);
    }

    /**
     * This change, with the authenticator-app preference set.
     *
     * @param preference the TOTP preference, or null to leave it
     * @return the new change
     */
    public MfaPreferenceUpdate withTotp(MfaPreference preference) {
        return new MfaPreferenceUpdate(sms, preference, email);
    }

    /**
     * This change, with the email preference set.
     *
     * @param preference the email preference, or null to leave it
     * @return the new change
     */
    public MfaPreferenceUpdate withEmail(MfaPreference preference) {
        return new MfaPreferenceUpdate(sms, totp, preference);
    }
}
