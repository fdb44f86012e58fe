package dev.cognitoee.testing;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.CognitoConfigReader;
import dev.cognitoee.internal.config.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Configurations for tests and benchmarks, read by the module's own reader from key-value pairs. */
public final class Configs {

    private Configs() {
    }

    /** The configuration of {@code keyValues} (key, value, key, value...); it must be valid. */
    public static CognitoConfig of(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return of(settings);
    }

    /** The configuration of {@code settings}; it must be valid. */
    public static CognitoConfig of(Map<String, String> settings) {
        try {
            return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)), settings.keySet());
        } catch (InvalidConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
