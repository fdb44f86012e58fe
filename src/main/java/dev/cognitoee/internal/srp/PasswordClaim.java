package dev.cognitoee.internal.srp;

import java.util.Map;

/**
 * The answer to a PASSWORD_VERIFIER challenge: the proof that the client knows the password, bound to Cognito's
 * secret block and a timestamp.
 *
 * @param userIdForSrp the USERNAME to answer with (Cognito's {@code USER_ID_FOR_SRP})
 * @param secretBlock  {@code PASSWORD_CLAIM_SECRET_BLOCK}, Cognito's secret block sent back
 * @param timestamp    {@code TIMESTAMP}, in Cognito's format
 * @param signature    {@code PASSWORD_CLAIM_SIGNATURE}, Base64
 */
public record PasswordClaim(String userIdForSrp, String secretBlock, String timestamp, String signature) {

    /** The challenge responses, USERNAME and SECRET_HASH left to the caller. */
    public Map<String, String> challengeResponses() {
        return Map.of("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock, "TIMESTAMP", timestamp,
                "PASSWORD_CLAIM_SIGNATURE", signature);
    }

    @Override
    public String toString() {
        return "PasswordClaim[" + userIdForSrp + ", " + timestamp + "]";
    }
}
