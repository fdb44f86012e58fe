package dev.cognitoee.internal.credentials;

import dev.cognitoee.AuthError;
import dev.cognitoee.AuthTokens;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.JWT;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.session.SessionOwner;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.spi.CredentialsRequest;
import dev.cognitoee.spi.TokenProvider;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who asks for AWS credentials in a request. The caller that authenticated the request wins, always: a bearer
 * token's user, never the user of a session cookie sent along with it. In this order:
 * <ol>
 *   <li>the tokens of the {@link TokenProvider} in use: by default those of the request's caller (a bearer
 *   caller's own token; a signed-in session's tokens), an application's own provider's otherwise. Their id token
 *   goes to the identity pool under its issuer's {@link LoginKey}, with the session's federated logins when the
 *   session is the caller's; without an id token (a bearer access token) the caller gets a clear error, since
 *   only an id token can be exchanged;</li>
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
     *                              {@code NOT_AUTHORIZED} when the caller's id token has no {@code sub} or
     *                              {@code iss}, has an issuer no identity pool can know, or when the caller has
     *                              no id token here; what the token provider throws
     */
    static Resolved resolve(CognitoConfig config, TokenProvider tokenProvider, HttpServletRequest request,
                            SecurityContext securityContext, boolean forceRefresh) {
        HttpSession session = request.getSession(false);
        HttpSession callersSession = sessionIsCallers(request, securityContext, session) ? session : null;
        // forceRefresh is about the credentials: the tokens are refreshed when due, not on every forced fetch.
        Optional<AuthTokens> tokens = tokenProvider.getTokens(false);
        if (tokens.isPresent()) {
            return authenticated(config, tokens.get(), callersSession, forceRefresh);
        }
        Map<String, String> federated = callersSession == null ? Map.of() : FederatedLogins.of(callersSession);
        if (!federated.isEmpty()) {
            return new Resolved(new CredentialsRequest(true, CacheKeys.federated(federated), federated, null,
                    forceRefresh), callersSession);
        }
        if (config.allowGuestAccess()) {
            HttpSession guestSession = request.getSession(true);
            return new Resolved(new CredentialsRequest(false, CacheKeys.guest(guestSession.getId()), Map.of(),
                    GuestIdentity.of(guestSession), forceRefresh), guestSession);
        }
        throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "No signed-in caller, and guest access is off ("
                + Setting.ALLOW_GUEST_ACCESS.key() + ")");
    }

    /**
     * Whether the request's session (if any) belongs to its caller: there is no verified caller (a request of the
     * session, or one that signed in just now), or the caller is the session's signed-in user.
     */
    private static boolean sessionIsCallers(HttpServletRequest request, SecurityContext securityContext,
                                            HttpSession session) {
        JsonWebToken caller = CallerToken.of(securityContext).orElse(null);
        if (caller == null) {
            return true;
        }
        SessionTokens tokens = session == null ? null : SessionStore.tokens(session);
        return tokens != null && SessionOwner.isCaller(request, caller, tokens);
    }

    private static Resolved authenticated(CognitoConfig config, AuthTokens tokens, HttpSession callersSession,
                                          boolean forceRefresh) {
        JWT idToken = tokens.idToken();
        if (idToken == null) {
            throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "AWS credentials need the caller's id token,"
                    + " and this caller has only an access token: send the id token as the bearer token ("
                    + Setting.TOKEN_USE.key() + "=id)");
        }
        String key = userKey(idToken.issuer(), idToken.subject());
        Map<String, String> logins = new LinkedHashMap<>();
        if (callersSession != null) {
            logins.putAll(FederatedLogins.of(callersSession)); // the session's user's other logins; never a bearer's
        }
        logins.put(LoginKey.of(config, idToken.issuer()), idToken.compact());
        return new Resolved(new CredentialsRequest(true, key, logins, null, forceRefresh), callersSession);
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
