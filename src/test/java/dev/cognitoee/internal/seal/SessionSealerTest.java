package dev.cognitoee.internal.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoee.internal.config.SessionEncryptionKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing: what opens, what does not, and what a failure says (never the secret). */
class SessionSealerTest {

    private static final String SECRET = "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.refresh";

    private static byte[] key(int fill) {
        byte[] key = new byte[SessionEncryptionKeys.KEY_BYTES];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    /** A sealer whose keys are {@code idAndFill} pairs: id, fill byte, id, fill byte... (the first seals). */
    private static SessionSealer sealer(Object... idAndFill) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < idAndFill.length; i += 2) {
            keys.put((String) idAndFill[i], key((Integer) idAndFill[i + 1]));
        }
        return SessionSealer.of(SessionEncryptionKeys.of(keys));
    }

    private static SealBrokenException broken(SessionSealer sealer, Purpose purpose, Sealed sealed) {
        SealBrokenException e = catchThrowableOfType(() -> sealer.open(purpose, sealed), SealBrokenException.class);
        assertThat(e).as("opening must fail").isNotNull();
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e;
    }

    private static Sealed withCiphertextByte(Sealed sealed, int index) {
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[index] ^= 0x01;
        return new Sealed(sealed.keyId(), sealed.iv(), ciphertext);
    }

    @Test
    void aSealedSecretOpensToItself() throws Exception {
        SessionSealer sealer = sealer("k1", 1);

        Sealed sealed = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(SECRET.length() + 16); // GCM: as long as the text, plus the tag
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("refresh");
        assertThat(sealer.open(Purpose.REFRESH_TOKEN, sealed)).isEqualTo(SECRET);
        assertThat(sealed.toString()).isEqualTo("Sealed[keyId=k1]");
    }

    @Test
    void everySealHasItsOwnIv() {
        SessionSealer sealer = sealer("k1", 1);

        Sealed first = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);
        Sealed second = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);

        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aSealUnderAKeyNoLongerConfiguredIsRetired() throws Exception {
        Sealed underOldKey = sealer("old", 1).seal(Purpose.REFRESH_TOKEN, SECRET);
        SessionSealer afterRetirement = sealer("new", 2);

        SealBrokenException e = broken(afterRetirement, Purpose.REFRESH_TOKEN, underOldKey);

        assertThat(e.reason()).isEqualTo(SealBrokenException.Reason.RETIRED_KEY);
        assertThat(e.keyId()).isEqualTo("old");
        assertThat(e.getMessage()).isEqualTo("sealed with the key 'old', which is not configured (retired)");
        assertThatThrownBy(() -> afterRetirement.requireKeyOf(underOldKey)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void rotationOpensWithTheOldKeyAndSealsWithTheNew() throws Exception {
        Sealed underOldKey = sealer("old", 1).seal(Purpose.REFRESH_TOKEN, SECRET);
        SessionSealer rotating = sealer("new", 2, "old", 1);

        assertThat(rotating.open(Purpose.REFRESH_TOKEN, underOldKey)).isEqualTo(SECRET);
        rotating.requireKeyOf(underOldKey);
        Sealed resealed = rotating.seal(Purpose.REFRESH_TOKEN, SECRET);
        assertThat(resealed.keyId()).isEqualTo("new");
        assertThat(sealer("new", 2).open(Purpose.REFRESH_TOKEN, resealed)).as("once old is retired").isEqualTo(SECRET);
    }

    @Test
    void aKeyIdNamingTheWrongKeyDoesNotOpen() {
        // The same id with other key bytes (a key replaced under its old id): the tag does not match.
        Sealed sealed = sealer("k1", 1).seal(Purpose.REFRESH_TOKEN, SECRET);

        assertThat(broken(sealer("k1", 9), Purpose.REFRESH_TOKEN, sealed).reason())
                .isEqualTo(SealBrokenException.Reason.TAMPERED);
    }

    @Test
    void aSealRelabelledWithAnotherConfiguredKeyIdDoesNotOpen() {
        SessionSealer sealer = sealer("k2", 2, "k1", 1);
        Sealed sealed = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);

        Sealed relabelled = new Sealed("k1", sealed.iv(), sealed.ciphertext());

        assertThat(broken(sealer, Purpose.REFRESH_TOKEN, relabelled).reason())
                .isEqualTo(SealBrokenException.Reason.TAMPERED);
    }

    @Test
    void anAlteredCiphertextTagOrIvDoesNotOpen() {
        SessionSealer sealer = sealer("k1", 1);
        Sealed sealed = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);
        int tagStart = sealed.ciphertext().length - 16;
        byte[] iv = sealed.iv();
        iv[0] ^= 0x01;

        for (Sealed altered : new Sealed[] {withCiphertextByte(sealed, 0), withCiphertextByte(sealed, tagStart - 1),
                withCiphertextByte(sealed, tagStart), withCiphertextByte(sealed, tagStart + 15),
                new Sealed("k1", iv, sealed.ciphertext())}) {
            SealBrokenException e = broken(sealer, Purpose.REFRESH_TOKEN, altered);
            assertThat(e.reason()).isEqualTo(SealBrokenException.Reason.TAMPERED);
            assertThat(e.getMessage()).isEqualTo(
                    "does not authenticate under the key 'k1' (altered, or sealed for another purpose)");
        }
    }

    @Test
    void aTruncatedSealIsRefused() {
        Sealed sealed = sealer("k1", 1).seal(Purpose.REFRESH_TOKEN, SECRET);

        assertThatThrownBy(() -> new Sealed("k1", sealed.iv(), new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sealed("k1", new byte[16], sealed.ciphertext()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sealed(null, sealed.iv(), sealed.ciphertext()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSealOfOnePurposeDoesNotOpenAsAnother() {
        SessionSealer sealer = sealer("k1", 1);
        Sealed challengeSession = sealer.seal(Purpose.CHALLENGE_SESSION, SECRET);

        assertThat(broken(sealer, Purpose.REFRESH_TOKEN, challengeSession).reason())
                .isEqualTo(SealBrokenException.Reason.TAMPERED);
    }

    @Test
    void theSealedArraysCannotBeChangedFromOutside() throws Exception {
        SessionSealer sealer = sealer("k1", 1);
        Sealed sealed = sealer.seal(Purpose.REFRESH_TOKEN, SECRET);

        sealed.ciphertext()[0] ^= 0x01;
        sealed.iv()[0] ^= 0x01;

        assertThat(sealer.open(Purpose.REFRESH_TOKEN, sealed)).isEqualTo(SECRET);
    }

    @Test
    void aRandomKeyOpensOnlyItsOwnSeals() throws Exception {
        SessionSealer thisRun = SessionSealer.withRandomKey();
        SessionSealer nextRun = SessionSealer.withRandomKey();
        Sealed sealed = thisRun.seal(Purpose.REFRESH_TOKEN, SECRET);

        assertThat(thisRun.open(Purpose.REFRESH_TOKEN, sealed)).isEqualTo(SECRET);
        assertThat(sealed.keyId()).matches("random-[0-9a-f]{8}");
        assertThat(broken(nextRun, Purpose.REFRESH_TOKEN, sealed).reason())
                .as("an earlier run's seal reads as retired").isEqualTo(SealBrokenException.Reason.RETIRED_KEY);
        assertThat(thisRun.toString()).startsWith("SessionSealer[SessionEncryptionKeys[random-");
    }

    @Test
    void anOddKeyIdIsNotRepeatedInMessages() {
        Sealed sealed = sealer("k1", 1).seal(Purpose.REFRESH_TOKEN, SECRET);
        Sealed forged = new Sealed("k1\nFAKE LOG LINE", sealed.iv(), sealed.ciphertext());

        SealBrokenException e = broken(sealer("k1", 1), Purpose.REFRESH_TOKEN, forged);

        assertThat(e.getMessage()).doesNotContain("FAKE").contains("'?'");
        assertThat(e.keyId()).isEqualTo("?");
    }
}
