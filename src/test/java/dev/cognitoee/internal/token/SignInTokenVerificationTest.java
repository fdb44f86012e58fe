package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoee.internal.config.TokenUse;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted UI's code exchange returns an id and an access token; each is verified as what it is, whatever
 * {@code cognito.token-use} says, with the same signature and claim rules as a bearer token.
 */
class SignInTokenVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final TokenMinter pool = new TokenMinter("pool-key-1");
    private final TokenMinter stranger = new TokenMinter("pool-key-1");
    private JwksServer jwks;
    private CognitoTokenVerifier verifier; // token-use=access

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(pool.key().toPublicJWK());
        verifier = CognitoTokenVerifier.forPool(TestConfigs.pool(jwks.uri()), new MutableClock(NOW),
                TokenRevocations.off(), null);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void anIdTokenIsVerifiedAsAnIdTokenThoughBearerTokensAreAccessTokens() throws Exception {
        String id = pool.sign(TokenMinter.idClaims(NOW));

        VerifiedToken verified = verifier.verifySignIn(id, TokenUse.ID);

        assertThat(verified.callerName()).as("cognito:username").isEqualTo("alice");
        assertThat(catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(id)).rejection())
                .as("still no bearer token").isEqualTo(TokenRejection.WRONG_TOKEN_USE);
        assertThat(verifier.verifySignIn(pool.access(NOW), TokenUse.ACCESS).callerName()).isEqualTo("alice");
    }

    @Test
    void eachIsRefusedAsAnythingElseOrFromAnotherClientOrKey() {
        assertRejected(pool.access(NOW), TokenUse.ID, TokenRejection.WRONG_TOKEN_USE);
        assertRejected(pool.sign(TokenMinter.idClaims(NOW)), TokenUse.ACCESS, TokenRejection.WRONG_TOKEN_USE);
        Map<String, Object> otherClient = new HashMap<>(TokenMinter.idClaims(NOW));
        otherClient.put("aud", "someone-else");
        assertRejected(pool.sign(otherClient), TokenUse.ID, TokenRejection.WRONG_CLIENT);
        Map<String, Object> expired = new HashMap<>(TokenMinter.idClaims(NOW.minusSeconds(7200)));
        assertRejected(pool.sign(expired), TokenUse.ID, TokenRejection.EXPIRED);
        assertRejected(stranger.sign(TokenMinter.idClaims(NOW)), TokenUse.ID, TokenRejection.BAD_SIGNATURE);
    }

    private void assertRejected(String token, TokenUse use, TokenRejection expected) {
        assertThat(catchThrowableOfType(TokenRejectedException.class, () -> verifier.verifySignIn(token, use))
                .rejection()).isEqualTo(expected);
    }
}
