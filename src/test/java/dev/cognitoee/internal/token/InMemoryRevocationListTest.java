package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The default revocation list: entries lapse at their own time on the injected clock, and the list is bounded. */
class InMemoryRevocationListTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryRevocationList list = new InMemoryRevocationList(100, clock);

    @Test
    void aRevokedIdIsRefusedUntilItsTimeAndNotAfter() {
        list.revoke("session-1", NOW.plusSeconds(3660));

        assertThat(list.isRevoked("session-1")).isTrue();
        assertThat(list.isRevoked("session-2")).isFalse();
        clock.advance(Duration.ofSeconds(3659));
        assertThat(list.isRevoked("session-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(list.isRevoked("session-1")).as("lapsed at its until").isFalse();
    }

    @Test
    void anIdWhoseTokensHaveExpiredIsNotKept() {
        list.revoke("expired", NOW);
        list.revoke("long-expired", NOW.minusSeconds(10));

        assertThat(list.isRevoked("expired")).isFalse();
        assertThat(list.size()).isZero();
    }

    @Test
    void theLaterTimeWinsWhenAnIdIsRevokedTwice() {
        list.revoke("session", NOW.plusSeconds(100));
        list.revoke("session", NOW.plusSeconds(50)); // must not shorten it
        clock.advance(Duration.ofSeconds(60));
        assertThat(list.isRevoked("session")).isTrue();

        list.revoke("session", NOW.plusSeconds(200));
        clock.advance(Duration.ofSeconds(100)); // NOW + 160
        assertThat(list.isRevoked("session")).isTrue();
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void lapsedEntriesAreDroppedWhenTheNextRevocationComes() {
        for (int i = 0; i < 50; i++) {
            list.revoke("short-" + i, NOW.plusSeconds(10));
        }
        clock.advance(Duration.ofSeconds(10));

        list.revoke("new", NOW.plusSeconds(3600));

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.isRevoked("new")).isTrue();
    }

    @Test
    void isBoundedAndGivesUpTheEntryThatLapsesSoonest() {
        InMemoryRevocationList small = new InMemoryRevocationList(3, clock);
        small.revoke("lapses-third", NOW.plusSeconds(300));
        small.revoke("lapses-first", NOW.plusSeconds(100));
        small.revoke("lapses-second", NOW.plusSeconds(200));

        small.revoke("newest", NOW.plusSeconds(3600));

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.isRevoked("lapses-first")).as("dropped to make room").isFalse();
        assertThat(small.isRevoked("lapses-second")).isTrue();
        assertThat(small.isRevoked("lapses-third")).isTrue();
        assertThat(small.isRevoked("newest")).as("a new sign-out is never the one refused").isTrue();

        for (int i = 0; i < 1000; i++) {
            small.revoke("flood-" + i, NOW.plusSeconds(4000 + i));
        }
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.isRevoked("flood-999")).isTrue();
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> new InMemoryRevocationList(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
