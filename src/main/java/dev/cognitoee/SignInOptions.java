package dev.cognitoee;

import java.util.Map;

/**
 * How {@link CognitoAuth#signIn(String, String, SignInOptions)} signs in (Amplify Auth v6's {@code signIn} options):
 * a custom-auth sign-in of the pool's Lambda triggers, or a choice-based one.
 *
 * @param authFlowType       the flow
 * @param preferredChallenge with {@link AuthFlowType#USER_AUTH}: the first factor to try first ({@code PASSWORD},
 *                           {@code PASSWORD_SRP}, {@code EMAIL_OTP}, {@code SMS_OTP}, {@code WEB_AUTHN}), or null to
 *                           let the user choose among those the pool offers
 * @param clientMetadata     passed to the pool's triggers; on InitiateAuth Cognito gives it only to PreSignUp,
 *                           PreAuthentication and UserMigration (as {@code validationData}): metadata for the
 *                           custom-auth triggers goes with each {@code confirmSignIn}
 */
public record SignInOptions(AuthFlowType authFlowType, String preferredChallenge,
                            Map<String, String> clientMetadata) {

    /** The sign-in flows besides the password sign-in of {@link CognitoAuth#signIn(String, String)}. */
    public enum AuthFlowType {
        /** Cognito's {@code CUSTOM_AUTH} without SRP: the pool's Define, Create and Verify triggers ask. */
        CUSTOM_WITHOUT_SRP,
        /** Cognito's choice-based {@code USER_AUTH}: password, passkey, or a code by email or SMS. */
        USER_AUTH
    }

    /**
     * Options as given; {@code clientMetadata} null means none.
     *
     * @param authFlowType       the flow
     * @param preferredChallenge the first factor to try first, or null
     * @param clientMetadata     passed to the pool's triggers, or null
     * @throws IllegalArgumentException when {@code authFlowType} is null
     */
    public SignInOptions {
        if (authFlowType == null) {
            throw new IllegalArgumentException("authFlowType is required");
        }
        clientMetadata = clientMetadata == null ? Map.of() : Map.copyOf(clientMetadata);
    }

    /**
     * A custom-auth sign-in ({@code CUSTOM_WITHOUT_SRP}).
     *
     * @return the options
     */
    public static SignInOptions customAuth() {
        return new SignInOptions(AuthFlowType.CUSTOM_WITHOUT_SRP, null, Map.of());
    }

    /**
     * A choice-based sign-in ({@code USER_AUTH}).
     *
     * @param preferredChallenge the first factor to try first, or null to choose among those offered
     * @return the options
     */
    public static SignInOptions userAuth(String preferredChallenge) {
        return new SignInOptions(AuthFlowType.USER_AUTH, preferredChallenge, Map.of());
    }

    /**
     * These options with {@code metadata} for the pool's triggers.
     *
     * @param metadata the client metadata
     * @return new options
     */
    public SignInOptions withClientMetadata(Map<String, String> metadata) {
        return new SignInOptions(authFlowType, preferredChallenge, metadata);
    }
}
