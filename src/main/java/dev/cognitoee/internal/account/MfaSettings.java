package dev.cognitoee.internal.account;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.FetchMfaPreferenceResult;
import dev.cognitoee.MfaPreference;
import dev.cognitoee.MfaPreferenceUpdate;
import dev.cognitoee.MfaType;
import dev.cognitoee.TotpSetupDetails;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.userpool.CognitoErrors;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SMSMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaSettingsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The signed-in user's MFA settings (Amplify's {@code fetchMFAPreference}, {@code updateMFAPreference},
 * {@code setUpTOTP}, {@code verifyTOTPSetup}): Cognito's calls authorised by the user's access token, and the
 * translation between Amplify's names and Cognito's.
 */
final class MfaSettings {

    private final UserPoolClient userPool;

    MfaSettings(UserPoolClient userPool) {
        this.userPool = userPool;
    }

    /** GetUser's {@code UserMFASettingList} and {@code PreferredMfaSetting}; a type Amplify does not know is left out. */
    FetchMfaPreferenceResult fetch(String accessToken) {
        GetUserResponse user = userPool.getUser(accessToken);
        Set<MfaType> enabled = EnumSet.noneOf(MfaType.class);
        for (String setting : user.userMFASettingList()) {
            MfaType type = typeOf(setting);
            if (type != null) {
                enabled.add(type);
            }
        }
        return new FetchMfaPreferenceResult(enabled, typeOf(user.preferredMfaSetting()));
    }

    /** SetUserMFAPreference with the types {@code update} names; nothing is sent when it names none. */
    void update(String accessToken, MfaPreferenceUpdate update) {
        if (update == null || update.equals(MfaPreferenceUpdate.NONE)) {
            return;
        }
        userPool.setUserMfaPreference(accessToken,
                update.sms() == null ? null : SMSMfaSettingsType.builder()
                        .enabled(enabled(update.sms())).preferredMfa(preferred(update.sms())).build(),
                update.totp() == null ? null : SoftwareTokenMfaSettingsType.builder()
                        .enabled(enabled(update.totp())).preferredMfa(preferred(update.totp())).build(),
                update.email() == null ? null : EmailMfaSettingsType.builder()
                        .enabled(enabled(update.email())).preferredMfa(preferred(update.email())).build());
    }

    /**
     * AssociateSoftwareToken: a new authenticator secret for the user, which counts only once
     * {@link #verifyTotpSetup} has seen a code of it. The default URI names the user's pool (the last part of the
     * token's issuer) as the issuer.
     */
    TotpSetupDetails setUpTotp(String accessToken) {
        String secret = userPool.associateSoftwareTokenOfUser(accessToken).secretCode();
        JsonObject claims = Jwt.decode(accessToken); // verified: the caller's token, or the session's from Cognito
        String issuer = claims.getString("iss", "");
        return TotpSetupDetails.of(secret, issuer.substring(issuer.lastIndexOf('/') + 1),
                claims.getString("username", ""));
    }

    /**
     * VerifySoftwareToken: the first code of the authenticator set up by {@link #setUpTotp}. A wrong code is
     * {@code CODE_MISMATCH}, whether Cognito says so with an exception or with {@code Status: ERROR}.
     */
    void verifyTotpSetup(String accessToken, String code, String friendlyDeviceName) {
        if (code == null || code.isBlank()) {
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER, null,
                    CognitoErrors.userMessage(AuthError.INVALID_PARAMETER), null);
        }
        var response = userPool.verifySoftwareTokenOfUser(accessToken, code.strip(), friendlyDeviceName);
        if (response.status() == VerifySoftwareTokenResponseType.ERROR) {
            throw new CognitoAuthException(AuthError.CODE_MISMATCH, null,
                    CognitoErrors.userMessage(AuthError.CODE_MISMATCH), null);
        }
    }

    /** Amplify's values as Cognito's {@code Enabled} ... */
    private static boolean enabled(MfaPreference preference) {
        return preference != MfaPreference.DISABLED;
    }

    /** ... and {@code PreferredMfa}, which Amplify leaves out for ENABLED and DISABLED (null: not sent). */
    private static Boolean preferred(MfaPreference preference) {
        return switch (preference) {
            case PREFERRED -> Boolean.TRUE;
            case NOT_PREFERRED -> Boolean.FALSE;
            case ENABLED, DISABLED -> null;
        };
    }

    /** Cognito's name of an MFA type as Amplify's, or null for none or a type Amplify has no name for. */
    static MfaType typeOf(String cognitoName) {
        if (cognitoName == null) {
            return null;
        }
        return switch (cognitoName) {
            case "SMS_MFA" -> MfaType.SMS;
            case "SOFTWARE_TOKEN_MFA" -> MfaType.TOTP;
            case "EMAIL_OTP" -> MfaType.EMAIL;
            default -> null;
        };
    }
}
