package dev.cognitoee;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user's MFA settings (Amplify Auth v6's {@code FetchMFAPreferenceOutput}), as Cognito's GetUser gives
 * them ({@code UserMFASettingList}, {@code PreferredMfaSetting}).
 *
 * @param enabled   the MFA types the user has turned on; empty when none
 * @param preferred the type Cognito asks for first at sign-in, or null when none is preferred
 */
public record FetchMfaPreferenceResult(Set<MfaType> enabled, MfaType preferred) {

    /**
     * Copies {@code enabled}, in the order of {@link MfaType}.
     *
     * @param enabled   the MFA types the user has turned on
     * @param preferred the preferred type, or null
     */
    public FetchMfaPreferenceResult {
        enabled = enabled.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
    }
}
