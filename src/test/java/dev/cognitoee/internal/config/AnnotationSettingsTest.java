package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnnotationSettingsTest {

    @CognitoAuthenticationMechanismDefinition(userPoolId = "eu-west-1_FromAnnotation", clientId = "annotated",
            clockSkew = 30, tokenCacheSize = 0, allowGuestAccess = true)
    static class Annotated {
    }

    @CognitoAuthenticationMechanismDefinition
    static class Empty {
    }

    @Test
    void readsTheAttributesThatAreSet() {
        Map<String, String> values = AnnotationSettings.attributes(
                Annotated.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class));
        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cognito.user-pool-id", "eu-west-1_FromAnnotation",
                "cognito.client-id", "annotated",
                "cognito.clock-skew", "30",
                "cognito.token-cache-size", "0",
                "cognito.allow-guest-access", "true"));
    }

    @CognitoAuthenticationMechanismDefinition(sessionCookieSameSite = "Strict")
    static class StrictCookie {
    }

    @Test
    void readsTheSessionCookieSameSite() {
        assertThat(AnnotationSettings.attributes(
                StrictCookie.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class)))
                .containsExactly(Map.entry("cognito.session-cookie-same-site", "Strict"));
    }

    @Test
    void defaultAttributesSetNothing() {
        assertThat(AnnotationSettings.attributes(
                Empty.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class))).isEmpty();
    }

    @Test
    void theReaderTakesTheAnnotationsTypedValues() throws Exception {
        CognitoConfig config = CognitoConfigReader.read(AnnotationSettings.of(
                Annotated.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class), new MapConfig(Map.of())));
        assertThat(config.allowGuestAccess()).isTrue();
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.tokenCacheSize()).isZero();
        assertThat(config.readTimeout()).as("left at its default").isEqualTo(Duration.ofMillis(5000));
    }

    @CognitoAuthenticationMechanismDefinition(userPoolId = "eu-west-1_AbC123", clientId = "c1", clockSkew = -5,
            maxConcurrentSignIns = 0)
    static class OutOfRange {
    }

    @Test
    void anAnnotationsBadNumberIsNamedByItsKey() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> CognitoConfigReader.read(
                AnnotationSettings.of(OutOfRange.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class),
                        new MapConfig(Map.of()))));
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        assertThat(((InvalidConfigurationException) thrown).problems()).containsExactlyInAnyOrder(
                "cognito.clock-skew '-5' must be a whole number of seconds, at least 0",
                "cognito.max-concurrent-sign-ins '0' must be a whole number of sign-ins, at least 1");
    }

    @Test
    void microProfileConfigWinsOverTheAnnotation() {
        Function<String, Optional<String>> settings = AnnotationSettings.of(
                Annotated.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class),
                new MapConfig(Map.of("cognito.client-id", "from-config")));
        assertThat(settings.apply("cognito.client-id")).contains("from-config");
        assertThat(settings.apply("cognito.user-pool-id")).contains("eu-west-1_FromAnnotation");
        assertThat(settings.apply("cognito.issuer")).isEmpty();
        assertThat(settings.apply("cognito.read-timeout")).as("an attribute left at its default").isEmpty();
    }
}
