package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cognito.session-encryption-key}: the key list as read, and refusals that name the key, never a value. */
class SessionEncryptionKeyConfigTest {

    private static final String KEY = "cognito.session-encryption-key";
    private static final String NEW_KEY = base64(32, 2);
    private static final String OLD_KEY = base64(32, 1);

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    private static String base64(int length, int fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) (fill * 17));
        return Base64.getEncoder().encodeToString(bytes);
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    /** The deployment's error for {@code value}, which must not contain the value's key material. */
    private String refusal(String value, String... secretParts) {
        settings.put(KEY, value);
        InvalidConfigurationException e = catchThrowableOfType(this::read, InvalidConfigurationException.class);
        assertThat(e).as("%s must be refused", value).isNotNull();
        for (String secret : secretParts) {
            assertThat(e.getMessage()).doesNotContain(secret);
        }
        assertThat(e.problems()).allSatisfy(problem -> assertThat(problem).startsWith(KEY + " "));
        return e.getMessage();
    }

    @Test
    void unsetMeansNoConfiguredKey() throws Exception {
        assertThat(read().sessionEncryptionKeys()).isNull();
    }

    @Test
    void theFirstKeySealsAndEveryKeyOpens() throws Exception {
        settings.put(KEY, " new:" + NEW_KEY + " , old:" + OLD_KEY + " ");

        SessionEncryptionKeys keys = read().sessionEncryptionKeys();

        assertThat(keys.currentId()).isEqualTo("new");
        assertThat(keys.current().getEncoded()).isEqualTo(Base64.getDecoder().decode(NEW_KEY));
        assertThat(keys.key("old").getEncoded()).isEqualTo(Base64.getDecoder().decode(OLD_KEY));
        assertThat(keys.key("older")).isNull();
        assertThat(keys.current().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void neitherTheConfigurationNorTheKeysPrintAKey() throws Exception {
        settings.put(KEY, "new:" + NEW_KEY + ",old:" + OLD_KEY);
        CognitoConfig config = read();

        assertThat(config.toString()).doesNotContain(NEW_KEY).doesNotContain(OLD_KEY);
        assertThat(config.sessionEncryptionKeys().toString()).isEqualTo("SessionEncryptionKeys[new, old]");
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        String aes128 = base64(16, 3);
        String tooLong = base64(64, 4);

        assertThat(refusal("k1:" + aes128 + ",k2:" + tooLong, aes128, tooLong))
                .contains(KEY + " 'entry 1 (k1)' is not a 256-bit key: it must be 32 bytes in base64")
                .contains(KEY + " 'entry 2 (k2)' is not a 256-bit key");
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() {
        String notBase64 = "this-is-my-secret-passphrase-of-44-chars-x!";

        assertThat(refusal("k1:" + notBase64, notBase64, "passphrase"))
                .contains(KEY + " 'entry 1 (k1)' is not a 256-bit key");
    }

    @Test
    void anEntryWithoutAKeyIdIsRefusedWithoutRepeatingIt() {
        assertThat(refusal(NEW_KEY, NEW_KEY)).contains(KEY + " 'entry 1' must be <key id>:<base64 key>");
        assertThat(refusal("new:" + NEW_KEY + ",:" + OLD_KEY, NEW_KEY, OLD_KEY))
                .contains(KEY + " 'entry 2' must be <key id>:<base64 key>");
        assertThat(refusal("a key:" + NEW_KEY, NEW_KEY)).contains(KEY + " 'entry 1' must be <key id>:<base64 key>");
    }

    @Test
    void aRepeatedKeyIdIsRefused() {
        assertThat(refusal("k1:" + NEW_KEY + ",k1:" + OLD_KEY, NEW_KEY, OLD_KEY))
                .contains(KEY + " 'entry 2 (k1)' repeats the key id k1");
    }

    @Test
    void aListOfNoKeyIsRefused() {
        assertThat(refusal(" , ")).contains(KEY + " '' lists no key");
    }
}
