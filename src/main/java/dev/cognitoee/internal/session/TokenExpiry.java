package dev.cognitoee.internal.session;

import dev.cognitoee.internal.token.Jwt;
import java.time.Instant;

/** When a session must be refreshed: the earlier expiry of its access and id tokens (just received from Cognito). */
final class TokenExpiry {

    private TokenExpiry() {
    }

    public static Instant of(String accessToken, String idToken) {
        Instant access = Jwt.expiry(accessToken);
        Instant id = Jwt.expiry(idToken);
        return access.isBefore(id) ? access : id;
    }
}
