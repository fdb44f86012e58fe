package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.TestGrids;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The cluster's revocation list: a sign-out on one node (one {@link SharedRevocationList} on an in-memory grid) is
 * refused on every other, until its tokens' end; a grid that cannot answer never lets a token through.
 */
class SharedRevocationListTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Grid grid = TestGrids.inMemory();

    private SharedRevocationList node() {
        return SharedRevocationList.in(grid, clock, "pool", "client");
    }

    @Test
    void aSessionRevokedOnOneNodeIsRevokedOnTheOthersAtOnce() {
        SharedRevocationList a = node();
        SharedRevocationList b = node();
        assertThat(b.isRevoked("jti-1")).isFalse();

        a.revoke("jti-1", NOW.plusSeconds(3600));

        assertThat(b.isRevoked("jti-1")).isTrue();
        assertThat(node().isRevoked("jti-1")).as("a node that started later").isTrue();
        assertThat(b.isRevoked("jti-2")).isFalse();
    }

    @Test
    void anEntryLapsesWithItsTokens() {
        node().revoke("jti-1", NOW.plusSeconds(60));
        SharedRevocationList b = node();
        assertThat(b.isRevoked("jti-1")).isTrue();

        clock.advance(Duration.ofSeconds(60));

        assertThat(b.isRevoked("jti-1")).as("known on b, lapsed on b's clock").isFalse();
        assertThat(node().isRevoked("jti-1")).as("in the grid, lapsed").isFalse();
    }

    @Test
    void aLaterUntilWinsAndAnEarlierOneDoesNotShortenIt() {
        SharedRevocationList a = node();
        a.revoke("jti-1", NOW.plusSeconds(3600)); // the id token
        a.revoke("jti-1", NOW.plusSeconds(300)); // the access token of the same session

        clock.advance(Duration.ofSeconds(301));

        assertThat(node().isRevoked("jti-1")).isTrue();
    }

    @Test
    void anUntilAlreadyPastIsNotRecorded() {
        node().revoke("jti-1", NOW);

        assertThat(node().isRevoked("jti-1")).isFalse();
    }

    @Test
    void aGridThatCannotAnswerNeverLetsATokenThroughAndWhatANodeKnowsStillCounts() {
        TestGrids.Breakable broken = TestGrids.breakable();
        SharedRevocationList a = SharedRevocationList.in(broken, clock, "pool", "client");
        a.revoke("known", NOW.plusSeconds(3600));
        broken.breakDown();

        assertThat(a.isRevoked("known")).isTrue();
        assertThatThrownBy(() -> a.isRevoked("unknown")).isInstanceOf(GridUnavailableException.class);
        a.revoke("while-broken", NOW.plusSeconds(3600)); // no exception: a sign-out never fails for the grid
        assertThat(a.isRevoked("while-broken")).as("kept on this node").isTrue();
    }

    @Test
    void aTokenAnotherNodeCachedAsValidIsRefusedOnceRevokedAnywhere() throws Exception {
        TokenMinter pool = new TokenMinter("pool-key-1");
        try (JwksServer jwks = new JwksServer(pool.key().toPublicJWK())) {
            CognitoConfig config = TestConfigs.pool(jwks.uri());
            Duration skew = config.clockSkew();
            CognitoTokenVerifier nodeB = new CognitoTokenVerifier(config, SigningKeys.fromJwksUri(config.jwksUri(),
                    config.connectTimeout(), config.readTimeout(), clock), clock,
                    new TokenRevocations(node(), skew), null);
            TokenRevocations nodeA = new TokenRevocations(node(), skew);
            String token = pool.access(NOW);
            nodeB.verify(token);
            assertThat(nodeB.cache().size()).as("cached as valid on b").isEqualTo(1);

            nodeA.revokeSession(token); // signed out on a

            assertThatThrownBy(() -> nodeB.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
                    e -> assertThat(e.rejection()).isEqualTo(TokenRejection.REVOKED));
        }
    }

    @Test
    void aGridFailureAtTheCheckIsAnUnavailableCheckNeverAnAccept() throws Exception {
        TestGrids.Breakable broken = TestGrids.breakable();
        TokenRevocations revocations = new TokenRevocations(SharedRevocationList.in(broken, clock, "p", "c"),
                Duration.ofSeconds(60));
        broken.breakDown();

        assertThatThrownBy(() -> revocations.refuseIfRevoked(Jwt.decode(new TokenMinter("k").access(NOW))))
                .isInstanceOf(RevocationCheckUnavailableException.class);
    }
}
