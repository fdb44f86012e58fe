package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several trusted issuers: each token is judged by the issuer it names, with that issuer's keys, rules and roles,
 * and a token naming any other issuer is refused before any key is fetched from anywhere.
 */
class BearerTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String STAFF_ISSUER = "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Staff9";
    private static final String PARTNER_ISSUER = "https://login.partner.example";
    private static final String STRANGER_ISSUER = "https://login.stranger.example";
    private static final String SUB = "6f1c0d2e-1111-2222-3333-444455556666";

    private final MutableClock clock = new MutableClock(NOW);
    private final TokenMinter defaultPool = new TokenMinter("default-key");
    private final TokenMinter staff = new TokenMinter("staff-key");
    private final TokenMinter partner = new TokenMinter("partner-key");
    private final TokenMinter stranger = new TokenMinter("stranger-key");
    private JwksServer defaultKeys;
    private JwksServer staffKeys;
    private JwksServer partnerKeys;
    private JwksServer strangerKeys;
    private BearerTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        defaultKeys = new JwksServer(defaultPool.key().toPublicJWK());
        staffKeys = new JwksServer(staff.key().toPublicJWK());
        partnerKeys = new JwksServer(partner.key().toPublicJWK());
        strangerKeys = new JwksServer(stranger.key().toPublicJWK());
        verifier = verifier("10000");
    }

    private BearerTokenVerifier verifier(String tokenCacheSize) {
        CognitoConfig config = TestConfigs.pool(defaultKeys.uri(),
                "cognito.token-cache-size", tokenCacheSize,
                "cognito.pools", "staff",
                "cognito.pool.staff.user-pool-id", "us-east-2_Staff9",
                "cognito.pool.staff.client-id", "staffclient",
                "cognito.pool.staff.jwks-uri", staffKeys.uri().toString(),
                "cognito.pool.staff.role-mapping", "Admins=admin",
                "cognito.oidc-issuers", "partner",
                "cognito.oidc-issuer.partner.issuer", PARTNER_ISSUER,
                "cognito.oidc-issuer.partner.jwks-uri", partnerKeys.uri().toString(),
                "cognito.oidc-issuer.partner.audience", "api://orders",
                "cognito.oidc-issuer.partner.role-mapping", "partner-admins=admin,partner-staff=user");
        return BearerTokenVerifier.of(config,
                CognitoTokenVerifier.forPool(config, clock, TokenRevocations.off(), null), clock);
    }

    @AfterEach
    void stop() {
        List.of(defaultKeys, staffKeys, partnerKeys, strangerKeys).forEach(JwksServer::close);
    }

    @Test
    void theDefaultPoolsGroupsAreItsRoles() throws Exception {
        VerifiedToken token = verifier.verify(defaultPool.access(NOW));

        assertThat(token.pool()).isEqualTo("default");
        assertThat(token.callerName()).isEqualTo("alice");
        assertThat(token.groups()).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void aNamedPoolsTokenHasItsMappedRolesOnly() throws Exception {
        VerifiedToken token = verifier.verify(staff.access(NOW, staffClaims(List.of("Admins", "admin", "user"))));

        assertThat(token.pool()).isEqualTo("staff");
        assertThat(token.callerName()).isEqualTo("alice");
        assertThat(token.groups()).as("the pool's own 'admin' and 'user' groups are not mapped").containsExactly(
                "admin");
        assertThat(staffKeys.requests()).isEqualTo(1);
        assertThat(defaultKeys.requests()).as("one issuer's token never reaches another's keys").isZero();
        assertThat(partnerKeys.requests()).isZero();
    }

    @Test
    void anOidcIssuersTokenIsCheckedByAudienceAndNamedBySub() throws Exception {
        VerifiedToken token = verifier.verify(partner.sign(oidcClaims(c -> { })));

        assertThat(token.pool()).isEqualTo("partner");
        assertThat(token.callerName()).isEqualTo(SUB);
        assertThat(token.groups()).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void anOidcTokenForAnotherAudienceIsRefused() {
        assertRejected(partner.sign(oidcClaims(c -> c.put("aud", "api://billing"))), TokenRejection.WRONG_AUDIENCE);
        assertRejected(partner.sign(oidcClaims(c -> c.remove("aud"))), TokenRejection.WRONG_AUDIENCE);
        assertRejected(partner.sign(oidcClaims(c -> c.put("aud", List.of("api://billing", "x")))),
                TokenRejection.WRONG_AUDIENCE);
    }

    @Test
    void aNamedPoolsTokenForAnotherClientIsRefused() {
        assertRejected(staff.access(NOW, staffClaims(List.of()).andThen(c -> c.put("client_id", "testclient123"))),
                TokenRejection.WRONG_CLIENT);
    }

    @Test
    void anUntrustedIssuerIsRefusedWithoutFetchingAnyKeys() {
        assertRejected(stranger.access(NOW, c -> c.put("iss", STRANGER_ISSUER)), TokenRejection.UNTRUSTED_ISSUER);
        assertRejected(stranger.access(NOW, c -> c.put("iss", TokenMinter.ISSUER + "/")),
                TokenRejection.UNTRUSTED_ISSUER);
        assertRejected(stranger.access(NOW, c -> c.remove("iss")), TokenRejection.UNTRUSTED_ISSUER);
        assertRejected(TokenMinter.withPayload(stranger.access(NOW), "{\"iss\":42}"), TokenRejection.MALFORMED);
        assertRejected(TokenMinter.withPayload(stranger.access(NOW), "[\"iss\"]"), TokenRejection.MALFORMED);
        assertRejected("not.a.jwt!", TokenRejection.MALFORMED);

        for (JwksServer keys : List.of(defaultKeys, staffKeys, partnerKeys, strangerKeys)) {
            assertThat(keys.requests()).as("no JWKS is fetched for a token no trusted issuer issued").isZero();
        }
    }

    @Test
    void aTokenClaimingAnotherTrustedIssuerIsJudgedByThatIssuersKeys() {
        // partner's key, staff's iss and client: staff's keys do not include partner's
        String forged = partner.sign(staffClaimsOf(staffClaims(List.of("Admins"))));

        assertRejected(forged, TokenRejection.UNKNOWN_KEY_ID);
        assertThat(partnerKeys.requests()).as("the signer's own keys are never consulted").isZero();
    }

    @Test
    void sameSubjectAndNameInTwoPoolsAreTwoCallers() throws Exception {
        VerifiedToken inDefault = verifier.verify(defaultPool.access(NOW));
        VerifiedToken inStaff = verifier.verify(staff.access(NOW, staffClaims(List.of())));
        VerifiedToken inDefaultAgain = verifier.verify(defaultPool.access(NOW));

        assertThat(inDefault.claims().getString("sub")).isEqualTo(inStaff.claims().getString("sub"));
        assertThat(inDefault.callerName()).isEqualTo(inStaff.callerName());
        assertThat(inStaff.pool()).isEqualTo("staff");
        assertThat(inStaff.groups()).isEmpty();
        assertThat(inDefaultAgain.pool()).isEqualTo("default");
        assertThat(inDefaultAgain.groups()).containsExactlyInAnyOrder("admin", "user");
    }

    @Test
    void aCachedTokenIsStillJudgedAsItsOwnIssuers() throws Exception {
        String token = staff.access(NOW, staffClaims(List.of("Admins")));
        verifier.verify(token);

        VerifiedToken again = verifier.verify(token);

        assertThat(again.pool()).isEqualTo("staff");
        assertThat(again.groups()).containsExactly("admin");
        clock.advance(java.time.Duration.ofHours(2));
        assertRejected(token, TokenRejection.EXPIRED);
    }

    @Test
    void withTheCacheOffEachTokenIsRoutedAllTheSame() throws Exception {
        verifier = verifier("0");

        assertThat(verifier.verify(defaultPool.access(NOW)).pool()).isEqualTo("default");
        assertThat(verifier.verify(partner.sign(oidcClaims(c -> { }))).pool()).isEqualTo("partner");
        assertThat(verifier.verify(partner.sign(oidcClaims(c -> { }))).pool()).isEqualTo("partner");
        assertRejected(stranger.access(NOW, c -> c.put("iss", STRANGER_ISSUER)), TokenRejection.UNTRUSTED_ISSUER);
        assertThat(strangerKeys.requests()).isZero();
    }

    @Test
    void aPayloadNestedDeeplyIsRefusedAsMalformed() {
        // read before any signature check: the parser must neither recurse out of stack nor hang
        String deep = "{\"iss\":" + "[".repeat(11_000) + "]".repeat(11_000) + "}";
        String token = TokenMinter.withPayload(stranger.access(NOW), deep);
        assertThat(token.length()).as("within the size limit: parsed").isLessThan(CognitoTokenVerifier.MAX_TOKEN_LENGTH);
        assertRejected(token, TokenRejection.MALFORMED);
        String deepButTrusted = "{\"x\":" + "[".repeat(11_000) + "]".repeat(11_000) + ",\"iss\":\"" + PARTNER_ISSUER
                + "\"}";
        assertThatThrownBy(() -> verifier.verify(TokenMinter.withPayload(partner.sign(oidcClaims(c -> { })),
                deepButTrusted))).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void emptyAndOverlongTokensAreRefusedFirst() {
        assertRejected("", TokenRejection.EMPTY);
        assertRejected(null, TokenRejection.EMPTY);
        assertRejected("a".repeat(100 * 1024), TokenRejection.TOO_LONG);
    }

    private static Consumer<Map<String, Object>> staffClaims(List<String> groups) {
        return c -> {
            c.put("iss", STAFF_ISSUER);
            c.put("client_id", "staffclient");
            c.put("cognito:groups", groups);
        };
    }

    private static Map<String, Object> staffClaimsOf(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new java.util.HashMap<>(TokenMinter.accessClaims(NOW));
        change.accept(claims);
        return claims;
    }

    /** An OIDC id token of the partner: {@code aud}, {@code sub}, {@code groups}; no Cognito claims. */
    private static Map<String, Object> oidcClaims(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of(
                "iss", PARTNER_ISSUER,
                "sub", SUB,
                "aud", List.of("api://orders", "api://other"),
                "groups", List.of("partner-admins", "partner-staff", "admin"),
                "iat", NOW.getEpochSecond(),
                "exp", NOW.plusSeconds(3600).getEpochSecond()));
        change.accept(claims);
        return claims;
    }

    private void assertRejected(String token, TokenRejection expected) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.rejection()).isEqualTo(expected));
    }
}
