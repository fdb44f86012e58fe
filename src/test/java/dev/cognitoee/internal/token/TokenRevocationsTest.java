package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which id a token is revoked by, and how a sign-out is recorded. */
class TokenRevocationsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final TokenMinter pool = new TokenMinter("pool-key-1");
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRevocationList list = new InMemoryRevocationList(100, clock);
    private final TokenRevocations revocations = new TokenRevocations(list, SKEW);

    @Test
    void theRevocationIdIsOriginJtiThenJti() {
        assertThat(TokenRevocations.revocationId(claims("{\"origin_jti\":\"o\",\"jti\":\"j\"}"))).isEqualTo("o");
        assertThat(TokenRevocations.revocationId(claims("{\"jti\":\"j\"}"))).isEqualTo("j");
        assertThat(TokenRevocations.revocationId(claims("{\"origin_jti\":\"\",\"jti\":\"j\"}"))).isEqualTo("j");
        assertThat(TokenRevocations.revocationId(claims("{\"origin_jti\":7,\"jti\":\"j\"}"))).isEqualTo("j");
        assertThat(TokenRevocations.revocationId(claims("{\"sub\":\"s\"}"))).isNull();
    }

    @Test
    void aSignOutRefusesTheSessionsTokensUntilTheirExpiryPlusTheSkew() throws Exception {
        String access = pool.access(NOW); // origin_jti 0b7a6d0e-..., exp NOW + 3600
        revocations.revokeSession(access, null);

        assertThatThrownBy(() -> revocations.refuseIfRevoked(Jwt.decode(access)))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(TokenRejection.REVOKED));
        clock.advance(Duration.ofSeconds(3600 + 60)); // the last second the verifier accepts it (exp + skew)
        assertThat(list.isRevoked("0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(list.isRevoked("0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff")).isFalse();
    }

    @Test
    void tokensWithoutOriginJtiAreRevokedEachByItsJti() throws Exception {
        String access = pool.access(NOW, c -> {
            c.remove("origin_jti");
            c.put("jti", "access-jti");
        });
        String id = pool.sign(withJti(TokenMinter.idClaims(NOW), "id-jti"));
        String other = pool.access(NOW, c -> {
            c.remove("origin_jti");
            c.put("jti", "another-session");
        });

        revocations.revokeSession(access, id);

        assertThat(list.isRevoked("access-jti")).isTrue();
        assertThat(list.isRevoked("id-jti")).isTrue();
        revocations.refuseIfRevoked(Jwt.decode(other)); // passes
    }

    @Test
    void aTokenWithoutAnyJtiCannotBeCheckedAndIsRefused() {
        String bare = pool.access(NOW, c -> {
            c.remove("origin_jti");
            c.remove("jti");
        });
        assertThatThrownBy(() -> revocations.refuseIfRevoked(Jwt.decode(bare)))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(TokenRejection.MISSING_CLAIM));
    }

    @Test
    void anUnreadableSessionTokenIsSkippedAndTheOthersStillRecorded() {
        revocations.revokeSession("not-a-jwt", pool.access(NOW));

        assertThat(list.isRevoked("0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff")).isTrue();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void offRecordsNothingAndRefusesNothing() throws Exception {
        TokenRevocations off = TokenRevocations.off();
        String bare = pool.access(NOW, c -> {
            c.remove("origin_jti");
            c.remove("jti");
        });
        off.revokeSession(pool.access(NOW));

        off.refuseIfRevoked(Jwt.decode(bare)); // no jti: refused when the check is on (above), passes when off
        off.refuseIfRevoked(Jwt.decode(pool.access(NOW))); // signed out just now: passes when off
    }

    private static java.util.Map<String, Object> withJti(java.util.Map<String, Object> claims, String jti) {
        claims.put("jti", jti);
        return claims;
    }

    private static JsonObject claims(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }
}
