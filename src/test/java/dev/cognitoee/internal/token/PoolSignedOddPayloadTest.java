package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payloads that carry a good signature of the pool but that no pool issues (found by the attack catalogue, where
 * each was answered 500): they must be refused as malformed, never thrown out of the verifier as another
 * exception. Only the pool's key can make them, so they are a defence in depth, not an attacker's way in.
 */
class PoolSignedOddPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final TokenMinter pool = new TokenMinter("pool-key-1");
    private final MutableClock clock = new MutableClock(NOW);
    private JwksServer jwks;
    private CognitoTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(pool.key().toPublicJWK());
        var config = TestConfigs.pool(jwks.uri());
        verifier = CognitoTokenVerifier.forPool(config, clock, TokenRevocations.off(), null);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void aDateBeyondTheRangeOfInstantIsAMalformedClaim() {
        for (String exp : new String[] {"1e30", "92233720368547758070", "-1e30", "31556889864403200"}) {
            assertThatThrownBy(() -> verifier.verify(signed(withClaim("exp", exp))))
                    .as("exp %s", exp)
                    .isInstanceOfSatisfying(TokenRejectedException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.rejection())
                                    .isEqualTo(TokenRejection.MALFORMED_CLAIM));
        }
    }

    @Test
    void aPayloadNestedPastTheJsonParsersDepthLimitIsMalformed() {
        String nested = withClaim("deep", "[".repeat(3000) + "]".repeat(3000));
        assertThatThrownBy(() -> verifier.verify(signed(nested)))
                .isInstanceOfSatisfying(TokenRejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.rejection())
                                .isEqualTo(TokenRejection.MALFORMED));
    }

    /** The valid access claims of {@link TokenMinter} as JSON, with {@code name} set to the raw JSON {@code value}. */
    private static String withClaim(String name, String value) {
        String claims = Json.createObjectBuilder(TokenMinter.accessClaims(NOW)).build().toString();
        String without = claims.replaceFirst("\"" + name + "\":[^,}]*,?", "");
        return without.substring(0, without.length() - 1) + ",\"" + name + "\":" + value + "}";
    }

    private String signed(String payload) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("pool-key-1").build(),
                new Payload(payload));
        jws.sign(new RSASSASigner(pool.key()));
        return jws.serialize();
    }
}
