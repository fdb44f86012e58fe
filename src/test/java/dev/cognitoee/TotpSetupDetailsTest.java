package dev.cognitoee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The authenticator URI in the Key URI Format: label and issuer percent-encoded, the secret never in toString. */
class TotpSetupDetailsTest {

    private final TotpSetupDetails details = TotpSetupDetails.of("JBSWY3DPEHPK3PXP", "eu-west-1_AbC123", "alice");

    @Test
    void theDefaultUriNamesThePoolAndTheUser() {
        assertThat(details.setupUri())
                .isEqualTo("otpauth://totp/eu-west-1_AbC123:alice?secret=JBSWY3DPEHPK3PXP&issuer=eu-west-1_AbC123");
    }

    @Test
    void anAccountNameReplacesTheUsernameAndReservedCharactersAreEncoded() {
        assertThat(details.getSetupUri("Shop: Europe & Co", "alice smith@example.com").toString())
                .isEqualTo("otpauth://totp/Shop%3A%20Europe%20%26%20Co:alice%20smith%40example.com"
                        + "?secret=JBSWY3DPEHPK3PXP&issuer=Shop%3A%20Europe%20%26%20Co");
    }

    @Test
    void theSecretIsNeverInToString() {
        assertThat(details.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }
}
