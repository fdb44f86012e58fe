package dev.cognitoee.it.support;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * How Cognito checks the proof of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer, for the SRP stand-ins
 * ({@link SrpStandIn}, {@link DeviceStandIn}): its TIMESTAMP, then its PASSWORD_CLAIM_SIGNATURE.
 */
final class SrpProof {

    /** Cognito's answer to a proof that does not hold. */
    static final String WRONG_PROOF = "Incorrect username or password.";

    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** Cognito's words: "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english." */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss z yyyy", Locale.ENGLISH);

    private SrpProof() {
    }

    /** Refuses a TIMESTAMP not in Cognito's format, or more than 5 minutes away from now. */
    static void checkTimestamp(String timestamp) throws CognitoRefusal {
        Instant signedAt;
        try {
            signedAt = ZonedDateTime.parse(timestamp, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            throw new CognitoRefusal("InvalidParameterException",
                    "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.");
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw new CognitoRefusal("NotAuthorizedException", WRONG_PROOF);
        }
    }

    /** Refuses a PASSWORD_CLAIM_SIGNATURE (Base64) other than {@code expected}, compared in constant time. */
    static void checkSignature(byte[] expected, String signature) throws CognitoRefusal {
        if (!MessageDigest.isEqual(expected, lenientBase64(signature))) {
            throw new CognitoRefusal("NotAuthorizedException", WRONG_PROOF);
        }
    }

    /** The bytes of {@code text}, or none when it is not Base64 (which then matches nothing). */
    static byte[] lenientBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
