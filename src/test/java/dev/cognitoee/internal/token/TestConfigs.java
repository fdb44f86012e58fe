package dev.cognitoee.internal.token;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.TokenMinter;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Configurations for the token tests: the pool of {@link TokenMinter}, with overrides. */
final class TestConfigs {

    private TestConfigs() {
    }

    static CognitoConfig pool(URI jwksUri, String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("cognito.user-pool-id", "eu-west-1_TestPool1");
        settings.put("cognito.client-id", TokenMinter.CLIENT_ID + ",otherclient456");
        settings.put("cognito.jwks-uri", jwksUri.toString());
        settings.put("cognito.connect-timeout", "1000");
        settings.put("cognito.read-timeout", "1000");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return Configs.of(settings);
    }
}
