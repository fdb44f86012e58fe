package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each Cognito claim rule on its own, on claims that are otherwise valid. */
class CognitoClaimRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final URI JWKS = URI.create("https://example.com/jwks.json");

    private final MutableClock clock = new MutableClock(NOW);
    private final CognitoClaimRules accessRules = new CognitoClaimRules(TestConfigs.pool(JWKS), clock);
    private final CognitoClaimRules idRules =
            new CognitoClaimRules(TestConfigs.pool(JWKS, "cognito.token-use", "id"), clock);

    @Test
    void acceptsACognitoAccessToken() throws Exception {
        VerifiedClaims verified = accessRules.check(access(c -> { }));
        assertThat(verified.callerName()).isEqualTo("alice");
        assertThat(verified.groups()).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void acceptsACognitoIdTokenWhenIdTokensAreConfigured() throws Exception {
        VerifiedClaims verified = idRules.check(id(c -> { }));
        assertThat(verified.callerName()).isEqualTo("alice"); // cognito:username by default for id tokens
    }

    @Test
    void issuerMustBeThePools() {
        assertRejected(accessRules, access(c -> c.put("iss",
                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool")), TokenRejection.WRONG_ISSUER);
        assertRejected(accessRules, access(c -> c.put("iss", TokenMinter.ISSUER + "/")), TokenRejection.WRONG_ISSUER);
        assertRejected(accessRules, access(c -> c.remove("iss")), TokenRejection.WRONG_ISSUER);
        assertRejected(accessRules, access(c -> c.put("iss", 42)), TokenRejection.MALFORMED_CLAIM);
    }

    @Test
    void tokenUseMustBeTheConfiguredOne() {
        assertRejected(accessRules, id(c -> { }), TokenRejection.WRONG_TOKEN_USE);
        assertRejected(idRules, access(c -> { }), TokenRejection.WRONG_TOKEN_USE);
        assertRejected(accessRules, access(c -> c.remove("token_use")), TokenRejection.WRONG_TOKEN_USE);
        assertRejected(accessRules, access(c -> c.put("token_use", "refresh")), TokenRejection.WRONG_TOKEN_USE);
    }

    @Test
    void accessTokenClientIdMustBeOneOfOurs() throws Exception {
        assertRejected(accessRules, access(c -> c.put("client_id", "someoneelse")), TokenRejection.WRONG_CLIENT);
        assertRejected(accessRules, access(c -> c.remove("client_id")), TokenRejection.WRONG_CLIENT);
        // an access token carries no aud: an aud naming us does not stand in for client_id
        assertRejected(accessRules, access(c -> {
            c.remove("client_id");
            c.put("aud", TokenMinter.CLIENT_ID);
        }), TokenRejection.WRONG_CLIENT);
        assertThat(accessRules.check(access(c -> c.put("client_id", "otherclient456"))).callerName())
                .isEqualTo("alice");
    }

    @Test
    void idTokenAudienceMustNameOneOfOurs() throws Exception {
        assertRejected(idRules, id(c -> c.put("aud", "someoneelse")), TokenRejection.WRONG_CLIENT);
        assertRejected(idRules, id(c -> c.remove("aud")), TokenRejection.WRONG_CLIENT);
        assertRejected(idRules, id(c -> c.put("aud", List.of("a", "b"))), TokenRejection.WRONG_CLIENT);
        assertThat(idRules.check(id(c -> c.put("aud", List.of("x", TokenMinter.CLIENT_ID)))).callerName())
                .isEqualTo("alice");
    }

    @Test
    void expiryAllowsTheConfiguredSkewAndNoMore() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(accessRules.check(access(c -> c.put("exp", now - 60)))).isNotNull();
        assertRejected(accessRules, access(c -> c.put("exp", now - 61)), TokenRejection.EXPIRED);
        assertRejected(accessRules, access(c -> c.remove("exp")), TokenRejection.MISSING_CLAIM);
        assertRejected(accessRules, access(c -> c.put("exp", "tomorrow")), TokenRejection.MALFORMED_CLAIM);
    }

    @Test
    void zeroSkewMeansExactly() throws Exception {
        CognitoClaimRules strict = new CognitoClaimRules(TestConfigs.pool(JWKS, "cognito.clock-skew", "0"), clock);
        long now = NOW.getEpochSecond();
        assertThat(strict.check(access(c -> c.put("exp", now)))).isNotNull();
        assertRejected(strict, access(c -> c.put("exp", now - 1)), TokenRejection.EXPIRED);
        assertRejected(strict, access(c -> c.put("iat", now + 1)), TokenRejection.ISSUED_IN_FUTURE);
    }

    @Test
    void notBeforeAllowsTheSkew() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(accessRules.check(access(c -> c.put("nbf", now + 60)))).isNotNull();
        assertRejected(accessRules, access(c -> c.put("nbf", now + 61)), TokenRejection.NOT_YET_VALID);
        assertRejected(accessRules, access(c -> c.put("nbf", "soon")), TokenRejection.MALFORMED_CLAIM);
    }

    @Test
    void issuedAtMustNotBeInTheFuture() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(accessRules.check(access(c -> c.put("iat", now + 60)))).isNotNull();
        assertRejected(accessRules, access(c -> c.put("iat", now + 61)), TokenRejection.ISSUED_IN_FUTURE);
        assertRejected(accessRules, access(c -> c.remove("iat")), TokenRejection.MISSING_CLAIM);
    }

    @Test
    void callerNameClaimMustBePresent() throws Exception {
        assertRejected(accessRules, access(c -> c.remove("username")), TokenRejection.MISSING_CLAIM);
        assertRejected(accessRules, access(c -> c.put("username", "")), TokenRejection.MISSING_CLAIM);
        CognitoClaimRules bySub = new CognitoClaimRules(
                TestConfigs.pool(JWKS, "cognito.caller-name-claim", "sub"), clock);
        assertThat(bySub.check(access(c -> { })).callerName()).isEqualTo("6f1c0d2e-1111-2222-3333-444455556666");
    }

    @Test
    void groupsComeFromTheConfiguredClaim() throws Exception {
        assertThat(accessRules.check(access(c -> c.remove("cognito:groups"))).groups()).isEmpty();
        assertRejected(accessRules, access(c -> c.put("cognito:groups", "admin")), TokenRejection.MALFORMED_CLAIM);
        assertRejected(accessRules, access(c -> c.put("cognito:groups", List.of("admin", 7))),
                TokenRejection.MALFORMED_CLAIM);
        CognitoClaimRules custom = new CognitoClaimRules(
                TestConfigs.pool(JWKS, "cognito.groups-claim", "custom:roles"), clock);
        assertThat(custom.check(access(c -> c.put("custom:roles", List.of("auditor")))).groups())
                .containsExactly("auditor");
    }

    private static JsonObject access(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TokenMinter.accessClaims(NOW);
        change.accept(claims);
        return Json.createObjectBuilder(claims).build();
    }

    private static JsonObject id(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TokenMinter.idClaims(NOW);
        change.accept(claims);
        return Json.createObjectBuilder(claims).build();
    }

    private static void assertRejected(CognitoClaimRules rules, JsonObject claims, TokenRejection expected) {
        assertThatThrownBy(() -> rules.check(claims))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(expected));
    }
}
