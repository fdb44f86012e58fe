package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys of the revocation check: cognito.revocation-check and cognito.revocation-cache-time. */
class RevocationCheckConfigTest {

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    @CognitoAuthenticationMechanismDefinition(revocationCheck = "local", revocationCacheTime = 300)
    static class Annotated {
    }

    @Test
    void isOffByDefaultWithAMinuteOfCache() throws Exception {
        CognitoConfig config = read();

        assertThat(config.revocationCheck()).isEqualTo(RevocationCheck.OFF);
        assertThat(config.revocationCacheTime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsEachModeInAnyCase() throws Exception {
        for (var mode : Map.of("off", RevocationCheck.OFF, "LOCAL", RevocationCheck.LOCAL,
                "Cognito", RevocationCheck.COGNITO).entrySet()) {
            settings.put("cognito.revocation-check", mode.getKey());
            assertThat(read().revocationCheck()).isEqualTo(mode.getValue());
        }
        settings.put("cognito.revocation-cache-time", "15");
        assertThat(read().revocationCacheTime()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void namesAnUnknownModeAndABadCacheTime() {
        settings.put("cognito.revocation-check", "strict");
        settings.put("cognito.revocation-cache-time", "0");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.revocation-check 'strict' must be 'off', 'local' or 'cognito'",
                "cognito.revocation-cache-time '0' must be a whole number of seconds, at least 1");
    }

    @Test
    void askingCognitoWithIdTokensFailsTheDeploymentNamingBothKeys() throws Exception {
        settings.put("cognito.token-use", "id");
        settings.put("cognito.revocation-check", "cognito");
        assertThat(problems()).singleElement().asString()
                .startsWith("cognito.revocation-check 'cognito' asks Cognito's GetUser, which takes access tokens only")
                .contains("cognito.token-use=access");

        settings.put("cognito.revocation-check", "local");
        assertThat(read().revocationCheck()).as("id tokens can be revoked locally").isEqualTo(RevocationCheck.LOCAL);
    }

    @Test
    void theAnnotationSetsBothKeys() {
        assertThat(AnnotationSettings.attributes(Annotated.class.getAnnotation(
                CognitoAuthenticationMechanismDefinition.class))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cognito.revocation-check", "local",
                "cognito.revocation-cache-time", "300"));
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    private List<String> problems() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(this::read);
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        return ((InvalidConfigurationException) thrown).problems();
    }
}
