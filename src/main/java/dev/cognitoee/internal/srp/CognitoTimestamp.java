package dev.cognitoee.internal.srp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer, which Cognito reads as {@code EEE MMM d HH:mm:ss z yyyy} in English,
 * e.g. {@code Thu Mar 5 04:03:09 UTC 2026}: the day of the month is not padded, the zone is written {@code UTC}
 * (a literal here: the pattern letter {@code z} would print {@code Z} for {@link ZoneOffset#UTC}).
 */
final class CognitoTimestamp {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private CognitoTimestamp() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
