package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnnotationSettingsTest {

    @CognitoAuthenticationMechanismDefinition(userPoolId = "eu-west-1_FromAnnotation", clientId = "annotated",
            clockSkew = 30, tokenCacheSize = 0)
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
                "cognito.token-cache-size", "0"));
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
    void microProfileConfigWinsOverTheAnnotation() {
        Function<String, Optional<String>> settings = AnnotationSettings.of(
                Annotated.class.getAnnotation(CognitoAuthenticationMechanismDefinition.class),
                new MapConfig(Map.of("cognito.client-id", "from-config")));
        assertThat(settings.apply("cognito.client-id")).contains("from-config");
        assertThat(settings.apply("cognito.user-pool-id")).contains("eu-west-1_FromAnnotation");
        assertThat(settings.apply("cognito.issuer")).isEmpty();
    }
}
