package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signature and format rules, and the verified-token cache, against a JWKS served over HTTP. */
class CognitoTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final TokenMinter pool = new TokenMinter("pool-key-1");
    private final MutableClock clock = new MutableClock(NOW);
    private JwksServer jwks;
    private CognitoTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(pool.key().toPublicJWK());
        verifier = verifier(TestConfigs.pool(jwks.uri()));
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private CognitoTokenVerifier verifier(CognitoConfig config) {
        return CognitoTokenVerifier.forPool(config, clock, TokenRevocations.off(), null);
    }

    @Test
    void acceptsAValidAccessTokenAndReadsCallerAndGroups() throws Exception {
        String token = pool.access(NOW);

        VerifiedToken verified = verifier.verify(token);

        assertThat(verified.callerName()).isEqualTo("alice");
        assertThat(verified.groups()).containsExactlyInAnyOrder("admin", "user");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(verified.claims().getString("sub")).isEqualTo("6f1c0d2e-1111-2222-3333-444455556666");
        assertThat(verified.rawToken()).isEqualTo(token);
        assertThat(verified.toString()).doesNotContain(token);
    }

    @Test
    void refusesEmptyAndOverlongTokensBeforeAnyWork() {
        assertRejected("", TokenRejection.EMPTY);
        assertRejected(null, TokenRejection.EMPTY);
        assertRejected("a".repeat(100 * 1024), TokenRejection.TOO_LONG);
        assertThat(jwks.requests()).isZero();
    }

    @Test
    void refusesStringsThatAreNotCompactJws() {
        String good = pool.access(NOW);
        assertRejected("garbage", TokenRejection.MALFORMED);
        assertRejected("a.b", TokenRejection.MALFORMED);
        assertRejected("a.b.c.d", TokenRejection.MALFORMED);
        assertRejected(".b.c", TokenRejection.MALFORMED);
        assertRejected("a..c", TokenRejection.MALFORMED);
        assertRejected(good + " ", TokenRejection.MALFORMED);
        assertRejected(good.replaceFirst("\\.", ".\u00e9"), TokenRejection.MALFORMED);
        assertRejected("!!!!.e30.abc", TokenRejection.MALFORMED);
        assertRejected(TokenMinter.base64Url("not json") + ".e30.abc", TokenRejection.MALFORMED);
    }

    @Test
    void refusesAlgNone() {
        String[] good = pool.access(NOW).split("\\.");
        String none = TokenMinter.base64Url("{\"alg\":\"none\"}") + "." + good[1] + ".";
        assertRejected(none, TokenRejection.MALFORMED); // empty signature segment
        assertRejected(TokenMinter.base64Url("{\"alg\":\"none\"}") + "." + good[1] + "." + good[2],
                TokenRejection.ALGORITHM_NOT_ACCEPTED);
    }

    @Test
    void refusesHs256SignedWithThePublicKey() throws Exception {
        // The classic key-confusion attack: HMAC keyed with the bytes of the pool's public key.
        byte[] publicKeyBytes = pool.key().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("pool-key-1").build(),
                JWTClaimsSet.parse(TokenMinter.accessClaims(NOW)));
        forged.sign(new MACSigner(publicKeyBytes));

        assertRejected(forged.serialize(), TokenRejection.ALGORITHM_NOT_ACCEPTED);
    }

    @Test
    void refusesOtherRsaAlgorithmsWithThePoolsOwnKey() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID("pool-key-1").build(),
                    JWTClaimsSet.parse(TokenMinter.accessClaims(NOW)));
            jwt.sign(new RSASSASigner(pool.key()));
            assertRejected(jwt.serialize(), TokenRejection.ALGORITHM_NOT_ACCEPTED);
        }
    }

    @Test
    void refusesATamperedPayload() {
        String token = pool.access(NOW);
        String tampered = TokenMinter.withPayload(token, "{\"username\":\"mallory\"}");
        assertRejected(tampered, TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedSignature() {
        String token = pool.access(NOW);
        char last = token.charAt(token.length() - 10);
        String tampered = token.substring(0, token.length() - 10) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 9);
        assertRejected(tampered, TokenRejection.BAD_SIGNATURE);
        assertRejected(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA", TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void refusesATokenOfAnotherKeyUsingTheSameKid() {
        TokenMinter impostor = new TokenMinter("pool-key-1");
        assertRejected(impostor.access(NOW), TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void refusesAHeaderWithoutKid() {
        String token = pool.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), TokenMinter.accessClaims(NOW));
        assertRejected(token, TokenRejection.NO_KEY_ID);
    }

    @Test
    void refusesCriticalHeaderParametersItDoesNotUnderstand() {
        String token = pool.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key-1")
                .criticalParams(java.util.Set.of("exp")).customParam("exp", 1).build(), TokenMinter.accessClaims(NOW));
        assertRejected(token, TokenRejection.CRITICAL_HEADER);
    }

    @Test
    void refusesAKidThePoolDoesNotPublish() {
        assertRejected(new TokenMinter("other-kid").access(NOW), TokenRejection.UNKNOWN_KEY_ID);
    }

    @Test
    void refusesAGenuinelySignedPayloadThatIsNotAJsonObject() {
        // The signature is good, the content is not a claims set.
        assertRejected(signRaw("[1,2,3]"), TokenRejection.MALFORMED);
        assertRejected(signRaw("not json at all"), TokenRejection.MALFORMED);
    }

    @Test
    void servesARepeatedTokenFromTheCacheWithoutTheKeys() throws Exception {
        String token = pool.access(NOW);
        verifier.verify(token);
        int fetches = jwks.requests();
        jwks.failing(true);
        clock.advance(Duration.ofMinutes(20)); // past the JWKS cache lifetime: a new fetch would be needed

        VerifiedToken again = verifier.verify(token);

        assertThat(again.callerName()).isEqualTo("alice");
        assertThat(jwks.requests()).isEqualTo(fetches);
    }

    @Test
    void refusesACachedTokenOnceItsKeyIsWithdrawnFromTheJwks() throws Exception {
        TokenMinter next = new TokenMinter("pool-key-2");
        String old = pool.access(NOW);
        verifier.verify(old);
        jwks.publish(next.key().toPublicJWK()); // the old key withdrawn (a compromise, say), not just rotated

        // The new key's first token makes the verifier refetch the set; from then on, the old key is gone.
        assertThat(verifier.verify(next.access(NOW)).callerName()).isEqualTo("alice");

        assertRejected(old, TokenRejection.UNKNOWN_KEY_ID);
        assertThat(cache(verifier).size()).as("the withdrawn key's entry forgotten, the new token's kept").isOne();
    }

    @Test
    void keepsServingCachedTokensAcrossARefetchThatKeepsTheirKey() throws Exception {
        TokenMinter next = new TokenMinter("pool-key-2");
        String token = pool.access(NOW);
        verifier.verify(token);
        jwks.publish(pool.key().toPublicJWK(), next.key().toPublicJWK()); // rotation: the old key stays published
        verifier.verify(next.access(NOW)); // refetches the set: new key objects for the same keys
        long hits = Metrics.TOKEN_CACHE_HITS.value();

        assertThat(verifier.verify(token).callerName()).isEqualTo("alice");

        assertThat(Metrics.TOKEN_CACHE_HITS.value()).as("served from the cache, no new RSA check").isEqualTo(hits + 1);
    }

    @Test
    void neverServesACachedTokenPastItsExpiry() throws Exception {
        String token = pool.access(NOW);
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(3600 + 61)); // exp + default skew (60 s) + 1

        assertRejected(token, TokenRejection.EXPIRED);
    }

    @Test
    void doesNotCacheRejections() {
        String expired = pool.access(NOW.minusSeconds(7200));
        assertRejected(expired, TokenRejection.EXPIRED);
        assertRejected(expired, TokenRejection.EXPIRED);
        assertThat(cache(verifier).size()).isZero();
    }

    @Test
    void boundsTheCacheSize() throws Exception {
        CognitoTokenVerifier small = verifier(TestConfigs.pool(jwks.uri(), "cognito.token-cache-size", "5"));
        for (int i = 0; i < 50; i++) {
            int n = i;
            small.verify(pool.access(NOW, claims -> claims.put("jti", "token-" + n)));
        }
        assertThat(cache(small).size()).isLessThanOrEqualTo(5);
    }

    @Test
    void worksWithTheCacheTurnedOff() throws Exception {
        CognitoTokenVerifier uncached = verifier(TestConfigs.pool(jwks.uri(), "cognito.token-cache-size", "0"));
        String token = pool.access(NOW);
        assertThat(uncached.verify(token).callerName()).isEqualTo("alice");
        assertThat(uncached.verify(token).callerName()).isEqualTo("alice");
        assertThat(cache(uncached)).isNull();
    }

    private static VerifiedTokenCache cache(CognitoTokenVerifier verifier) {
        return verifier.cache();
    }

    private String signRaw(String payloadJson) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key-1").build(),
                    new com.nimbusds.jose.Payload(payloadJson));
            jws.sign(new RSASSASigner(pool.key()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRejected(String token, TokenRejection expected) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(expected));
    }
}
