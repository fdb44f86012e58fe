package dev.cognitoee.internal.credentials;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.session.SessionOwner;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.spi.CredentialsRequest;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who asks for AWS credentials in a request. The caller that authenticated the request wins, always: a bearer
 * token's user, never the user of a session cookie sent along with it. In this order:
 * <ol>
 *   <li>the request's caller ({@link CallerToken}): its own id token when it authenticated with one; otherwise
 *   (an access token) the id token of the HTTP session, but only when the session is the caller's (see
 *   {@link SessionOwner#isCaller}); otherwise a clear error, since only an id token can be exchanged;</li>
 *   <li>no caller, but a signed-in session: its user signed in during this very request;</li>
 *   <li>federated logins loaded on the session;</li>
 *   <li>a guest, when guests are allowed.</li>
 * </ol>
 */
final class RequestCaller {

    /**
     * A resolved caller.
     *
     * @param request the request for the provider
     * @param session the HTTP session the caller's credentials were served for, or null (a bearer caller)
     */
    record Resolved(CredentialsRequest request, HttpSession session) {
    }

    private RequestCaller() {
    }

    /**
     * The caller of {@code request}.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when there is no caller and guests are not allowed;
     *                              {@code NOT_AUTHORIZED} when the caller's token has no {@code sub}, or when the
     *                              caller authenticated with an access token and has no id token here
     */
    static Resolved resolve(CognitoConfig config, HttpServletRequest request, SecurityContext securityContext,
                            boolean forceRefresh) {
        HttpSession session = request.getSession(false);
        SessionTokens tokens = session == null ? null : SessionStore.tokens(session);
        JsonWebToken caller = CallerToken.of(securityContext).orElse(null);
        if (caller != null) {
            return authenticated(config, request, caller, session, tokens, forceRefresh);
        }
        if (tokens != null) { // signed in by this request: the session's user is the only possible caller
            JsonObject claims = Jwt.decode(tokens.idToken());
            Map<String, String> logins = new LinkedHashMap<>(FederatedLogins.of(session));
            logins.put(config.identityProviderName(), tokens.idToken());
            return new Resolved(new CredentialsRequest(true, userKey(claims.getString("iss", null),
                    claims.getString("sub", null)), logins, null, forceRefresh), session);
        }
        Map<String, String> federated = session == null ? Map.of() : FederatedLogins.of(session);
        if (!federated.isEmpty()) {
            return new Resolved(new CredentialsRequest(true, CacheKeys.federated(federated), federated, null,
                    forceRefresh), session);
        }
        if (config.allowGuestAccess()) {
            HttpSession guestSession = request.getSession(true);
            return new Resolved(new CredentialsRequest(false, CacheKeys.guest(guestSession.getId()), Map.of(),
                    GuestIdentity.of(guestSession), forceRefresh), guestSession);
        }
        throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "No signed-in caller, and guest access is off ("
                + Setting.ALLOW_GUEST_ACCESS.key() + ")");
    }

    private static Resolved authenticated(CognitoConfig config, HttpServletRequest request, JsonWebToken caller,
                                          HttpSession session, SessionTokens tokens, boolean forceRefresh) {
        String key = userKey(caller.getIssuer(), caller.getSubject());
        boolean sessionIsCaller = tokens != null && SessionOwner.isCaller(request, caller, tokens);
        String idToken = "id".equals(caller.getClaim("token_use")) ? caller.getRawToken()
                : sessionIsCaller ? tokens.idToken() : null;
        if (idToken == null) {
            throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "AWS credentials need the caller's id token,"
                    + " and this request was authenticated with an access token: send the id token as the bearer"
                    + " token (" + Setting.TOKEN_USE.key() + "=id)");
        }
        Map<String, String> logins = new LinkedHashMap<>();
        if (sessionIsCaller) {
            logins.putAll(FederatedLogins.of(session)); // the session's user's other logins; never a bearer's
        }
        logins.put(config.identityProviderName(), idToken);
        return new Resolved(new CredentialsRequest(true, key, logins, null, forceRefresh),
                sessionIsCaller ? session : null);
    }

    /** The key of a user; a token without {@code sub} or {@code iss} cannot be told apart from others: refused. */
    static String userKey(String issuer, String sub) {
        if (sub == null || sub.isBlank() || issuer == null || issuer.isBlank()) {
            throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "The caller's token has no "
                    + (sub == null || sub.isBlank() ? "sub" : "iss") + " claim: AWS credentials are kept per user"
                    + " (sub and issuer), so none can be given");
        }
        return CacheKeys.user(issuer, sub);
    }
}
