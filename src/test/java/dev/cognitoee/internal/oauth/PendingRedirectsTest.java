package dev.cognitoee.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pending sign-ins of one browser: single use, expiring, bounded, and replicable with the session. */
class PendingRedirectsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final PendingRedirects pending = new PendingRedirects();

    private static PendingRedirect redirect(String state, Instant at) {
        return new PendingRedirect(state, "nonce-" + state, "verifier-" + state, "/app/page", "custom", null, at);
    }

    @Test
    void aPendingSignInIsTakenOnceOnly() {
        pending.add(redirect("s1", T0), T0);

        assertThat(pending.take("s1", T0.plusSeconds(5))).extracting(PendingRedirect::nonce).isEqualTo("nonce-s1");
        assertThat(pending.take("s1", T0.plusSeconds(6))).as("replayed").isNull();
    }

    @Test
    void anUnknownOrMissingStateNamesNothingAndUsesNothingUp() {
        pending.add(redirect("s1", T0), T0);

        assertThat(pending.take("s2", T0)).isNull();
        assertThat(pending.take(null, T0)).isNull();
        assertThat(pending.take("s1", T0)).isNotNull();
    }

    @Test
    void aPendingSignInExpiresAfterTenMinutesOfTheModulesClock() {
        pending.add(redirect("fresh", T0), T0);
        pending.add(redirect("stale", T0), T0);

        assertThat(pending.take("fresh", T0.plus(PendingRedirects.LIFETIME).minusSeconds(1))).isNotNull();
        assertThat(pending.take("stale", T0.plus(PendingRedirects.LIFETIME))).isNull();
        assertThat(pending.size()).as("expired ones are dropped").isZero();
    }

    @Test
    void onlyTheNewestFewAreKept() {
        for (int i = 0; i < PendingRedirects.MAX + 2; i++) {
            pending.add(redirect("s" + i, T0.plusSeconds(i)), T0.plusSeconds(i));
        }

        assertThat(pending.size()).isEqualTo(PendingRedirects.MAX);
        assertThat(pending.take("s0", T0.plusSeconds(10))).as("the oldest is dropped").isNull();
        assertThat(pending.take("s1", T0.plusSeconds(10))).isNull();
        assertThat(pending.take("s" + (PendingRedirects.MAX + 1), T0.plusSeconds(10))).isNotNull();
    }

    @Test
    void itSurvivesSerializationAsAReplicatedSessionWould() throws Exception {
        pending.add(redirect("s1", T0), T0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pending);
        }
        PendingRedirects copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PendingRedirects) in.readObject();
        }

        assertThat(copy.take("s1", T0)).isEqualTo(redirect("s1", T0));
        assertThat(redirect("s1", T0).toString()).doesNotContain("verifier-s1").doesNotContain("nonce-s1");
    }
}
