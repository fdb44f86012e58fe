package dev.cognitoee.internal.session;

import dev.cognitoee.internal.token.Jwt;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether the signed-in session of a request belongs to the request's caller. A request may carry one user's bearer
 * token and another user's session cookie; the caller that authenticated the request (the bearer) then wins for
 * every per-user thing, and the session is somebody else's.
 */
public final class SessionOwner {

    private static final String BEARER = "Bearer ";

    private SessionOwner() {
    }

    /**
     * Whether {@code caller} is the user of the session holding {@code tokens}: the session's token is the caller's
     * token, or (a request without a bearer token, authenticated from this very session, whose tokens may have been
     * refreshed since within the request) the same {@code sub} and issuer.
     */
    public static boolean isCaller(HttpServletRequest request, JsonWebToken caller, SessionTokens tokens) {
        String raw = caller.getRawToken();
        if (raw.equals(tokens.accessToken()) || raw.equals(tokens.idToken())) {
            return true; // the session's very token was verified for this request
        }
        if (hasBearerToken(request)) {
            return false;
        }
        JsonObject session = Jwt.decode(tokens.idToken());
        return caller.getSubject() != null && caller.getSubject().equals(session.getString("sub", null))
                && caller.getIssuer() != null && caller.getIssuer().equals(session.getString("iss", null));
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }
}
