package dev.cognitoee.internal.config;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * The raw settings of a deployment: MicroProfile Config first, then the attributes of
 * {@link CognitoAuthenticationMechanismDefinition}. Empty attributes and negative numbers count as unset.
 */
public final class AnnotationSettings {

    private AnnotationSettings() {
    }

    /** The settings lookup that {@link CognitoConfigReader#read} expects. */
    public static Function<String, Optional<String>> of(CognitoAuthenticationMechanismDefinition definition,
                                                        Config config) {
        Map<String, String> fromAnnotation = attributes(definition);
        return key -> config.getOptionalValue(key, String.class)
                .or(() -> Optional.ofNullable(fromAnnotation.get(key)));
    }

    static Map<String, String> attributes(CognitoAuthenticationMechanismDefinition definition) {
        Map<String, String> values = new HashMap<>();
        put(values, CognitoConfigKeys.REGION, definition.region());
        put(values, CognitoConfigKeys.USER_POOL_ID, definition.userPoolId());
        put(values, CognitoConfigKeys.CLIENT_ID, definition.clientId());
        put(values, CognitoConfigKeys.CLIENT_SECRET, definition.clientSecret());
        put(values, CognitoConfigKeys.ENDPOINT, definition.endpoint());
        put(values, CognitoConfigKeys.IDENTITY_POOL_ID, definition.identityPoolId());
        put(values, CognitoConfigKeys.IDENTITY_ENDPOINT, definition.identityEndpoint());
        put(values, CognitoConfigKeys.ALLOW_GUEST_ACCESS, definition.allowGuestAccess());
        put(values, CognitoConfigKeys.ISSUER, definition.issuer());
        put(values, CognitoConfigKeys.JWKS_URI, definition.jwksUri());
        put(values, CognitoConfigKeys.TOKEN_USE, definition.tokenUse());
        put(values, CognitoConfigKeys.CLOCK_SKEW, definition.clockSkew());
        put(values, CognitoConfigKeys.GROUPS_CLAIM, definition.groupsClaim());
        put(values, CognitoConfigKeys.CALLER_NAME_CLAIM, definition.callerNameClaim());
        put(values, CognitoConfigKeys.LOGIN_PAGE, definition.loginPage());
        put(values, CognitoConfigKeys.ERROR_PAGE, definition.errorPage());
        put(values, CognitoConfigKeys.REFRESH_AHEAD, definition.refreshAhead());
        put(values, CognitoConfigKeys.CONNECT_TIMEOUT, definition.connectTimeout());
        put(values, CognitoConfigKeys.READ_TIMEOUT, definition.readTimeout());
        put(values, CognitoConfigKeys.TOKEN_CACHE_SIZE, definition.tokenCacheSize());
        put(values, CognitoConfigKeys.ALLOWED_ORIGINS, definition.allowedOrigins());
        put(values, CognitoConfigKeys.MAX_CONCURRENT_SIGN_INS, definition.maxConcurrentSignIns());
        put(values, CognitoConfigKeys.REVOCATION_CHECK, definition.revocationCheck());
        put(values, CognitoConfigKeys.REVOCATION_CACHE_TIME, definition.revocationCacheTime());
        put(values, CognitoConfigKeys.SESSION_COOKIE_SAME_SITE, definition.sessionCookieSameSite());
        return values;
    }

    private static void put(Map<String, String> values, String key, String attribute) {
        if (!attribute.isBlank()) {
            values.put(key, attribute);
        }
    }

    private static void put(Map<String, String> values, String key, int attribute) {
        if (attribute >= 0) {
            values.put(key, Integer.toString(attribute));
        }
    }
}
