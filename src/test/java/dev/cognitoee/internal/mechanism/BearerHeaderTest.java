package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the token out of the Authorization header (RFC 6750, section 2.1). */
class BearerHeaderTest {

    @Test
    void readsTheTokenAfterTheScheme() {
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bearer   abc.def.ghi  ")).isEqualTo("abc.def.ghi");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(CognitoAuthenticationMechanism.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(CognitoAuthenticationMechanism.bearerToken("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void aBearerHeaderWithoutTokenGivesAnEmptyToken() {
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bearer")).isEmpty();
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bearer ")).isEmpty();
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bearer    ")).isEmpty();
    }

    @Test
    void otherSchemesAreNotBearerTokens() {
        assertThat(CognitoAuthenticationMechanism.bearerToken(null)).isNull();
        assertThat(CognitoAuthenticationMechanism.bearerToken("Basic YWxpY2U6c2VjcmV0")).isNull();
        assertThat(CognitoAuthenticationMechanism.bearerToken("BearerToken abc")).isNull();
        assertThat(CognitoAuthenticationMechanism.bearerToken("Bear abc")).isNull();
        assertThat(CognitoAuthenticationMechanism.bearerToken("")).isNull();
    }

    @Test
    void isBearerJudgesAsTheTokenReaderDoes() {
        for (String header : new String[] {"Bearer abc", "bearer abc", "Bearer", "Bearer ", null, "",
                "Basic YWxpY2U6c2VjcmV0", "BearerToken abc", "Bear abc"}) {
            assertThat(CognitoAuthenticationMechanism.isBearer(header)).as(String.valueOf(header))
                    .isEqualTo(CognitoAuthenticationMechanism.bearerToken(header) != null);
        }
        assertThat(CognitoAuthenticationMechanism.isBearer("Bearer abc")).isTrue();
        assertThat(CognitoAuthenticationMechanism.isBearer("BearerToken abc")).isFalse();
    }
}
