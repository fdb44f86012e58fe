package dev.cognitoee.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theS256ChallengeMatchesRfc7636AppendixB() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void aVerifierIs32RandomBytesInBase64UrlAndNeverShown() {
        SecureRandom random = new SecureRandom();
        Pkce first = Pkce.create(random);
        Pkce second = Pkce.create(random);

        assertThat(first.verifier()).matches("[A-Za-z0-9_-]{43}"); // RFC 7636 4.1: 43 to 128 unreserved characters
        assertThat(first.challenge()).isEqualTo(Pkce.challengeOf(first.verifier()));
        assertThat(second.verifier()).isNotEqualTo(first.verifier());
        assertThat(first.toString()).doesNotContain(first.verifier());
    }
}
