package dev.cognitoee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.TokenMinter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link JWT#decodeJWT} reads from a token, and how it refuses what is not one, never repeating the input. */
class JWTTest {

    private static final TokenMinter POOL = new TokenMinter("kid-decode");
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    /** Text that marks the input: no error message may contain it. */
    private static final String SECRET_MARK = "SeCrEtMaRk";

    @Test
    void aTokenIsReadWithItsHeaderClaimsAndCompactForm() {
        String token = POOL.access(NOW, claims -> claims.put("cognito:groups", List.of("admin", "user")));

        JWT jwt = JWT.decodeJWT(token);

        assertThat(jwt.header().getString("kid")).isEqualTo("kid-decode");
        assertThat(jwt.header().getString("alg")).isEqualTo("RS256");
        assertThat(jwt.payload().getString("token_use")).isEqualTo("access");
        assertThat(jwt.payload().getString("client_id")).isEqualTo(TokenMinter.CLIENT_ID);
        assertThat(jwt.payload().getJsonArray("cognito:groups").getString(1)).isEqualTo("user");
        assertThat(jwt.issuer()).isEqualTo(TokenMinter.ISSUER);
        assertThat(jwt.subject()).isEqualTo(jwt.payload().getString("sub")).isNotBlank();
        assertThat(jwt.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(jwt.compact()).isEqualTo(token);
        assertThat(jwt).isEqualTo(JWT.decodeJWT(token)).hasSameHashCodeAs(JWT.decodeJWT(token));
    }

    @Test
    void nothingIsVerifiedNotEvenTheSignature() {
        String forged = TokenMinter.withPayload(POOL.access(NOW),
                "{\"sub\":\"anyone\",\"iss\":\"https://evil.example\",\"exp\":1}");

        JWT jwt = JWT.decodeJWT(forged);

        assertThat(jwt.subject()).isEqualTo("anyone");
        assertThat(jwt.issuer()).isEqualTo("https://evil.example");
        assertThat(jwt.expiresAt()).isEqualTo(Instant.ofEpochSecond(1)); // long expired, still decoded
    }

    @Test
    void toStringShowsNoPartOfTheToken() {
        String token = POOL.access(NOW);
        JWT jwt = JWT.decodeJWT(token);
        String[] parts = token.split("\\.");

        assertThat(jwt.toString()).contains("kid-decode", "access", TokenMinter.ISSUER)
                .doesNotContain(parts[0]).doesNotContain(parts[1]).doesNotContain(parts[2]);
    }

    @Test
    void missingOrOddlyTypedClaimsAreNull() {
        JWT jwt = JWT.decodeJWT(TokenMinter.withPayload(POOL.access(NOW), "{\"sub\":42,\"exp\":\"soon\"}"));

        assertThat(jwt.subject()).isNull();
        assertThat(jwt.issuer()).isNull();
        assertThat(jwt.expiresAt()).isNull();
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> JWT.decodeJWT(null)).isInstanceOf(MalformedJwtException.class)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", SECRET_MARK, SECRET_MARK + "." + SECRET_MARK, "a.b.c.d", "a.b.c.d.e"})
    void anythingButThreePartsIsRefused(String input) {
        assertThatThrownBy(() -> JWT.decodeJWT(input)).isInstanceOf(MalformedJwtException.class)
                .hasMessageContaining("a signed JWT has 3").hasNoCause()
                .message().doesNotContain(SECRET_MARK);
    }

    @Test
    void aHeaderOrPayloadThatIsNotBase64UrlIsRefused() {
        String[] parts = POOL.access(NOW).split("\\.");
        // '+' and '/' are base64, not base64url; '*' is neither.
        assertRefused(parts[0] + "+/" + SECRET_MARK + "." + parts[1] + "." + parts[2], "header is not base64url");
        assertRefused(parts[0] + "." + SECRET_MARK + "*." + parts[2], "payload is not base64url");
    }

    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        assertRefused(TokenMinter.withPayload(POOL.access(NOW), "{\"sub\":\"" + SECRET_MARK + "\""),
                "payload is not JSON");
        assertRefused(TokenMinter.withPayload(POOL.access(NOW), SECRET_MARK), "payload is not JSON");
        assertRefused(TokenMinter.withPayload(POOL.access(NOW), ""), "payload is not JSON");
    }

    @Test
    void aPayloadThatIsJsonButNotAnObjectIsRefused() {
        assertRefused(TokenMinter.withPayload(POOL.access(NOW), "[\"" + SECRET_MARK + "\"]"),
                "payload is JSON but not an object");
        assertRefused(TokenMinter.withPayload(POOL.access(NOW), "\"" + SECRET_MARK + "\""),
                "payload is JSON but not an object");
    }

    @Test
    void aHeaderThatIsNotAJsonObjectIsRefused() {
        String[] parts = POOL.access(NOW).split("\\.");
        assertRefused(TokenMinter.base64Url("{\"kid\":\"" + SECRET_MARK) + "." + parts[1] + "." + parts[2],
                "header is not JSON");
        assertRefused(TokenMinter.base64Url("42") + "." + parts[1] + "." + parts[2],
                "header is JSON but not an object");
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> JWT.decodeJWT(token)).isInstanceOf(MalformedJwtException.class)
                .hasMessageContaining(reason).hasNoCause()
                .message().doesNotContain(SECRET_MARK).doesNotContain(token);
    }
}
