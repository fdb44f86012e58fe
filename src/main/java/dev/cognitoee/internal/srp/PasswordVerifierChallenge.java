package dev.cognitoee.internal.srp;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;

/**
 * Cognito's PASSWORD_VERIFIER challenge, the answer to InitiateAuth with USER_SRP_AUTH.
 *
 * @param userIdForSrp the user's name for SRP ({@code USER_ID_FOR_SRP}: the username, not the alias typed); it is
 *                     hashed into the proof and must be the challenge answer's USERNAME
 * @param serverPublic the server's public value {@code B} ({@code SRP_B})
 * @param salt         the user's salt ({@code SALT})
 * @param secretBlock  Cognito's opaque state ({@code SECRET_BLOCK}, Base64), signed and sent back as it is
 */
public record PasswordVerifierChallenge(String userIdForSrp, BigInteger serverPublic, BigInteger salt,
                                        String secretBlock) {

    /**
     * The challenge in Cognito's challenge parameters.
     *
     * @throws SrpException when a parameter is missing or malformed
     */
    public static PasswordVerifierChallenge of(Map<String, String> challengeParameters) {
        String userIdForSrp = required(challengeParameters, "USER_ID_FOR_SRP");
        String secretBlock = required(challengeParameters, "SECRET_BLOCK");
        try {
            Base64.getDecoder().decode(secretBlock);
        } catch (IllegalArgumentException e) {
            throw new SrpException("SECRET_BLOCK of the PASSWORD_VERIFIER challenge is not Base64", e);
        }
        return new PasswordVerifierChallenge(userIdForSrp, hex(challengeParameters, "SRP_B"),
                hex(challengeParameters, "SALT"), secretBlock);
    }

    /**
     * Cognito's DEVICE_PASSWORD_VERIFIER challenge of the device {@code deviceKey}: the same SRP_B, SALT and
     * SECRET_BLOCK, with the device key in the place of the user's SRP name (Cognito's device variant).
     *
     * @throws SrpException when a parameter is missing or malformed
     */
    public static PasswordVerifierChallenge ofDevice(Map<String, String> challengeParameters, String deviceKey) {
        String secretBlock = required(challengeParameters, "SECRET_BLOCK");
        try {
            Base64.getDecoder().decode(secretBlock);
        } catch (IllegalArgumentException e) {
            throw new SrpException("SECRET_BLOCK of the DEVICE_PASSWORD_VERIFIER challenge is not Base64", e);
        }
        return new PasswordVerifierChallenge(deviceKey, hex(challengeParameters, "SRP_B"),
                hex(challengeParameters, "SALT"), secretBlock);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new SrpException("The PASSWORD_VERIFIER challenge has no " + name);
        }
        return value;
    }

    private static BigInteger hex(Map<String, String> parameters, String name) {
        String value = required(parameters, name);
        try {
            return new BigInteger(value, 16);
        } catch (NumberFormatException e) {
            throw new SrpException(name + " of the PASSWORD_VERIFIER challenge is not a hexadecimal number", e);
        }
    }
}
