package dev.cognitoee.internal.config;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The raw settings of a deployment: MicroProfile Config first, then the attributes of
 * {@link CognitoAuthenticationMechanismDefinition}, each found through its {@link Setting}. An attribute left at
 * its declared default sets nothing: the annotation's defaults are "empty" or the setting's own default, which
 * {@code AnnotationDefaultsTest} keeps in step.
 */
public final class AnnotationSettings {

    private AnnotationSettings() {
    }

    /**
     * The settings lookup that {@link CognitoConfigReader#read} expects.
     *
     * @param definition the application's annotation
     * @param config     the application's MicroProfile Config, which wins over the annotation
     * @return the raw value of a key, if either sets it
     */
    public static Function<String, Optional<String>> of(CognitoAuthenticationMechanismDefinition definition,
                                                        Config config) {
        Map<String, String> fromAnnotation = attributes(definition);
        return key -> config.getOptionalValue(key, String.class)
                .or(() -> Optional.ofNullable(fromAnnotation.get(key)));
    }

    /** The attributes of {@code definition} that are not left at their default, by key, written as text. */
    static Map<String, String> attributes(CognitoAuthenticationMechanismDefinition definition) {
        Map<String, String> values = new HashMap<>();
        for (Setting<?> setting : Setting.all()) {
            Method attribute = attribute(setting);
            Object value = invoke(attribute, definition);
            if (!value.equals(attribute.getDefaultValue())) {
                values.put(setting.key(), String.valueOf(value));
            }
        }
        return values;
    }

    /** The annotation's attribute of {@code setting}. */
    static Method attribute(Setting<?> setting) {
        try {
            return CognitoAuthenticationMechanismDefinition.class.getMethod(setting.attribute());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(setting.key() + " names no annotation attribute " + setting.attribute(), e);
        }
    }

    private static Object invoke(Method attribute, CognitoAuthenticationMechanismDefinition definition) {
        try {
            return attribute.invoke(definition);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + attribute, e);
        }
    }
}
