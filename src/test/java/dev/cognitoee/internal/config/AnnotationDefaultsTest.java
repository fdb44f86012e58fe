package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The annotation's defaults cannot be computed from the {@link Setting} descriptors in Java, so they are written
 * twice: this test keeps the two in step.
 */
class AnnotationDefaultsTest {

    private static final Path ANNOTATION_SOURCE =
            Path.of("src/main/java/dev/cognitoee/CognitoAuthenticationMechanismDefinition.java");

    @Test
    void everyAttributeHasADescriptorAndEveryDescriptorAnAttribute() {
        Set<String> attributes = Arrays.stream(CognitoAuthenticationMechanismDefinition.class.getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        Set<String> described = Setting.all().stream().map(Setting::attribute).collect(Collectors.toSet());
        assertThat(described).hasSameSizeAs(Setting.all());
        assertThat(attributes).isEqualTo(described);
    }

    @Test
    void everyKeyIsDescribedOnce() {
        assertThat(Setting.all().stream().map(Setting::key).distinct()).hasSameSizeAs(Setting.all());
        assertThat(Setting.all()).allMatch(s -> s.key().startsWith("cognito."), "keys start with cognito.");
    }

    @Test
    void eachDefaultAgreesWithItsDescriptor() {
        for (Setting<?> setting : Setting.all()) {
            Object annotationDefault = AnnotationSettings.attribute(setting).getDefaultValue();
            String expected = setting.defaultRaw() == null ? "" : setting.defaultRaw();
            assertThat(String.valueOf(annotationDefault)).as(setting.attribute() + " default").isEqualTo(expected);
        }
    }

    /** Text attributes for text values, {@code boolean} for flags, {@code int} for counts and durations. */
    @Test
    void eachAttributeHasTheTypeOfItsValue() {
        Map<Class<?>, Class<?>> attributeTypeOfDefault = Map.of(
                Boolean.class, boolean.class, Integer.class, int.class, Duration.class, int.class);
        for (Setting<?> setting : Setting.all()) {
            Class<?> attributeType = AnnotationSettings.attribute(setting).getReturnType();
            Object defaultValue = setting.defaultValue();
            Class<?> expected = defaultValue == null ? String.class
                    : attributeTypeOfDefault.getOrDefault(defaultValue.getClass(), String.class);
            assertThat(attributeType).as(setting.attribute()).isEqualTo(expected);
        }
    }

    /** The annotation's Javadoc is written by hand too: each attribute's must name its key. */
    @Test
    void eachAttributesJavadocNamesItsKey() throws IOException {
        String source = Files.readString(ANNOTATION_SOURCE, StandardCharsets.UTF_8);
        for (Setting<?> setting : Setting.all()) {
            // The comment right before "<type> <attribute>()", never reaching past the end of a comment.
            Matcher attribute = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*\\w+ " + setting.attribute()
                    + "\\(\\)", Pattern.DOTALL).matcher(source);
            assertThat(attribute.find()).as("Javadoc of " + setting.attribute()).isTrue();
            String javadoc = attribute.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            assertThat(javadoc).as("Javadoc of " + setting.attribute()).contains("{@code " + setting.key() + "}");
        }
    }

    @Test
    void everyDefaultIsAValidValue() {
        assertThat(Setting.all()).filteredOn(s -> s.defaultRaw() != null).allMatch(s -> s.defaultValue() != null);
        assertThat(Setting.CLOCK_SKEW.defaultValue()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Setting.CONNECT_TIMEOUT.defaultValue()).isEqualTo(Duration.ofMillis(5000));
        assertThat(Setting.ALLOW_GUEST_ACCESS.defaultValue()).isFalse();
    }
}
