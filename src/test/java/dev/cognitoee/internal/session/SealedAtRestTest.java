package dev.cognitoee.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.testing.Sealers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP session's attributes look like once serialised, as Payara writes them into its data grid: the
 * refresh token and Cognito's challenge session are not in the bytes, and the values read back open.
 */
class SealedAtRestTest {

    private static final String REFRESH_TOKEN = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.refresh-token-of-alice";
    private static final String CHALLENGE_SESSION = "AYABeC-challenge-session-of-alice-0123456789";

    private static byte[] serialise(Object attribute) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attribute);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** Whether {@code secret} (or any 16-character piece of it) appears in {@code bytes}, in UTF-8 or UTF-16. */
    private static boolean holds(byte[] bytes, String secret) {
        String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 16 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 16);
            if (asLatin1.contains(piece)
                    || asLatin1.contains(new String(piece.getBytes(StandardCharsets.UTF_16BE),
                    StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSerialisedSessionHoldsNoRefreshToken() throws Exception {
        SessionTokens tokens = new SessionTokens("alice", "access-token-of-alice", "id-token-of-alice",
                Sealers.refreshToken(REFRESH_TOKEN), Instant.parse("2026-12-02T16:00:00Z"));

        byte[] bytes = serialise(tokens);

        assertThat(holds(bytes, REFRESH_TOKEN)).as("the refresh token in the serialised session").isFalse();
        assertThat(holds(bytes, "access-token-of-alice")).as("the check finds what is there (access token, in "
                + "clear by design)").isTrue();
        SessionTokens read = (SessionTokens) deserialise(bytes);
        assertThat(Sealers.open(read.refreshToken())).isEqualTo(REFRESH_TOKEN);
        assertThat(read.username()).isEqualTo("alice");
    }

    @Test
    void aSerialisedPendingSignInHoldsNoChallengeSession() throws Exception {
        PendingSignIn pending = new PendingSignIn("alice", "SMS_MFA",
                Sealers.TEST.seal(Purpose.CHALLENGE_SESSION, CHALLENGE_SESSION),
                Map.of("CODE_DELIVERY_DESTINATION", "+*******1234"), true);

        byte[] bytes = serialise(pending);

        assertThat(holds(bytes, CHALLENGE_SESSION)).as("the challenge session in the serialised session").isFalse();
        PendingSignIn read = (PendingSignIn) deserialise(bytes);
        assertThat(Sealers.TEST.open(Purpose.CHALLENGE_SESSION, read.session())).isEqualTo(CHALLENGE_SESSION);
        assertThat(read.parameters()).containsEntry("CODE_DELIVERY_DESTINATION", "+*******1234");
    }
}
