package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

/** The MicroProfile JWT view of a verified token: names, groups and claim types. */
class CognitoJsonWebTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final CognitoJsonWebToken jwt = token(Map.of(
            "custom:tenant", "acme", "custom:level", 3, "custom:ratio", 0.5, "email_verified", true,
            "address", Map.of("country", "FR"), "amr", List.of("pwd")));

    private static CognitoJsonWebToken token(Map<String, Object> extra) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(TokenMinter.accessClaims(NOW));
        claims.putAll(extra);
        JsonObject json = Json.createObjectBuilder(claims).build();
        return new CognitoJsonWebToken(new VerifiedToken("raw.token.value",
                new VerifiedClaims(json, "alice", Set.of("admin", "user"), NOW.plusSeconds(3600)), "staff"));
    }

    private static CognitoJsonWebToken caller(String raw, String sub, String name, Set<String> groups, String pool) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(TokenMinter.accessClaims(NOW));
        claims.put("sub", sub);
        return new CognitoJsonWebToken(new VerifiedToken(raw, new VerifiedClaims(Json.createObjectBuilder(claims)
                .build(), name, groups, NOW.plusSeconds(3600)), pool));
    }

    @Test
    void twoTokensOfOneCallerWithTheSameRolesAreOnePrincipal() {
        // The server caches authorization decisions per principal set (Payara's JACC: one ProtectionDomain each)
        CognitoJsonWebToken first = caller("token.one.x", "sub-1", "alice", Set.of("admin"), "default");
        CognitoJsonWebToken second = caller("token.two.y", "sub-1", "alice", Set.of("admin"), "default");
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(Set.of(first)).isEqualTo(Set.of(second));

        assertThat(first).isNotEqualTo(caller("token.one.x", "sub-2", "alice", Set.of("admin"), "default"))
                .as("another user of the same name").isNotEqualTo(caller("t.t.t", "sub-2", "alice", Set.of("admin"),
                        "default"))
                .as("another issuer").isNotEqualTo(caller("t.t.t", "sub-1", "alice", Set.of("admin"), "partner"))
                .as("other roles").isNotEqualTo(caller("t.t.t", "sub-1", "alice", Set.of("admin", "user"), "default"))
                .as("another name").isNotEqualTo(caller("t.t.t", "sub-1", "alice@example.com", Set.of("admin"),
                        "default"))
                .as("a plain principal of the same name").isNotEqualTo(new jakarta.security.enterprise.CallerPrincipal(
                        "alice"));
    }

    @Test
    void nameAndGroupsAreTheConfiguredClaims() {
        assertThat(jwt.getName()).isEqualTo("alice");
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("admin", "user");
        assertThat((Set<String>) jwt.getClaim(Claims.groups)).containsExactlyInAnyOrder("admin", "user");
        assertThat(jwt.getRawToken()).isEqualTo("raw.token.value");
        assertThat(jwt.getClaimNames()).contains("sub", "cognito:groups", "raw_token", "groups", "custom:tenant");
    }

    @Test
    void standardClaimsHaveTheirMicroProfileTypes() {
        assertThat(jwt.getExpirationTime()).isEqualTo(NOW.plusSeconds(3600).getEpochSecond());
        assertThat(jwt.getIssuedAtTime()).isEqualTo(NOW.getEpochSecond());
        assertThat(jwt.getIssuer()).isEqualTo(TokenMinter.ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("6f1c0d2e-1111-2222-3333-444455556666");
        assertThat(jwt.getTokenID()).isEqualTo("2c3d4e5f-aaaa-bbbb-cccc-ddddeeeeffff");
        assertThat(jwt.getAudience()).isNull(); // Cognito access tokens have no aud
        assertThat(token(Map.of("aud", "client-a")).getAudience()).containsExactly("client-a");
        assertThat(token(Map.of("aud", List.of("a", "b"))).getAudience()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void otherClaimsArePlainJavaValuesOrJson() {
        assertThat((String) jwt.getClaim("custom:tenant")).isEqualTo("acme");
        assertThat((Long) jwt.getClaim("custom:level")).isEqualTo(3L);
        assertThat((Double) jwt.getClaim("custom:ratio")).isEqualTo(0.5);
        assertThat((Boolean) jwt.getClaim("email_verified")).isTrue();
        assertThat(((JsonObject) jwt.getClaim("address")).getString("country")).isEqualTo("FR");
        assertThat(jwt.<Object>getClaim("absent")).isNull();
        assertThat(jwt.containsClaim("absent")).isFalse();
    }

    @Test
    void neverShowsOrSerializesTheToken() {
        assertThat(jwt.toString()).doesNotContain("raw.token.value").contains("alice");
        assertThatThrownBy(() -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(jwt))
                .isInstanceOf(NotSerializableException.class);
    }
}
