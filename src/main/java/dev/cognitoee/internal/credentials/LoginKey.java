package dev.cognitoee.internal.credentials;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;

/**
 * The identity pool's name for the provider of an id token: the key of the token in the {@code Logins} map. The
 * module's own user pool is {@code cognito-idp.<region>.amazonaws.com/<pool id>} (whatever issuer it is configured
 * with: the emulator's differs); any other issuer is an OpenID Connect provider, which the identity pool knows by
 * its issuer URL without {@code https://} (the host, or host and path), and whose {@code iss} must match that key
 * (AWS, "OIDC identity providers" of identity pools). Google's issuer may come without a scheme and is kept as it
 * is.
 */
final class LoginKey {

    private static final String HTTPS = "https://";

    private LoginKey() {
    }

    /**
     * The key for an id token issued by {@code issuer}.
     *
     * @throws CognitoAuthException {@code NOT_AUTHORIZED} when the issuer is neither the module's pool nor an
     *                              {@code https} URL (an identity pool trusts no other)
     */
    static String of(CognitoConfig config, String issuer) {
        if (issuer.equals(config.issuer())) {
            return config.identityProviderName();
        }
        if (issuer.startsWith(HTTPS) && issuer.length() > HTTPS.length()) {
            return issuer.substring(HTTPS.length());
        }
        if (!issuer.contains("://")) {
            return issuer;
        }
        throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "The caller's id token was issued by neither this"
                + " application's user pool nor an https OpenID Connect provider, so an identity pool cannot know"
                + " its issuer");
    }
}
