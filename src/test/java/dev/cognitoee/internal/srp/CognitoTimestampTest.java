package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** TIMESTAMP as Cognito reads it: {@code EEE MMM d HH:mm:ss z yyyy}, in English, UTC, the day not padded. */
class CognitoTimestampTest {

    @Test
    void dayUnpaddedTimePaddedZoneUtc() {
        assertThat(CognitoTimestamp.format(Instant.parse("2026-03-05T04:03:09.999Z")))
                .isEqualTo("Thu Mar 5 04:03:09 UTC 2026");
        assertThat(CognitoTimestamp.format(Instant.parse("2026-12-31T23:59:59Z")))
                .isEqualTo("Thu Dec 31 23:59:59 UTC 2026");
    }

    @Test
    void englishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CognitoTimestamp.format(Instant.parse("2027-05-01T00:00:00Z")))
                    .isEqualTo("Sat May 1 00:00:00 UTC 2027");
        } finally {
            Locale.setDefault(before);
        }
    }
}
