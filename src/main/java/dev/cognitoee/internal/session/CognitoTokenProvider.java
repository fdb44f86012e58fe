package dev.cognitoee.internal.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.AuthTokens;
import dev.cognitoee.JWT;
import dev.cognitoee.internal.token.CallerToken;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The module's default {@link TokenProvider}: the tokens of the caller that authenticated the request. A bearer
 * caller's token as it was sent (verified by the mechanism; it cannot be refreshed here), even when the request
 * also carries another user's session cookie; otherwise the signed-in session's Cognito tokens, refreshed through
 * the single-flight {@link TokenRefresher} when due, or now with {@code forceRefresh}. Used only when the
 * application declares no provider of its own.
 */
@ApplicationScoped
public class CognitoTokenProvider implements TokenProvider {

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext securityContext;

    @Inject
    TokenRefresher refresher;

    /**
     * The decoded tokens of the session tokens or bearer caller they were decoded from, by identity (weak keys): the
     * same instance serves every request of a session until a refresh replaces it, and decoding two tokens on each
     * credentials lookup would cost some 20 times the lookup itself. Gone with the instance.
     */
    private final Cache<Object, AuthTokens> decoded = Caffeine.newBuilder()
            .weakKeys()
            .maximumSize(10_000)
            .executor(Runnable::run)
            .build();

    /** For CDI. */
    public CognitoTokenProvider() {
    }

    /** With what CDI would inject: the current request, its security context, and the refresher. */
    public CognitoTokenProvider(HttpServletRequest request, SecurityContext securityContext,
                                TokenRefresher refresher) {
        this.request = request;
        this.securityContext = securityContext;
        this.refresher = refresher;
    }

    @Override
    public Optional<AuthTokens> getTokens(boolean forceRefresh) {
        SessionTokens session = SessionStore.tokens(request);
        JsonWebToken caller = CallerToken.of(securityContext).orElse(null);
        if (caller != null && (session == null || !SessionOwner.isCaller(request, caller, session))) {
            return Optional.of(decoded.get(caller, CognitoTokenProvider::bearerTokens));
        }
        if (session == null) {
            return Optional.empty();
        }
        var httpSession = request.getSession(false);
        SessionTokens current = forceRefresh ? refresher.forceRefresh(httpSession, session)
                : refresher.current(httpSession, session);
        return Optional.of(decoded.get(current, CognitoTokenProvider::sessionTokens));
    }

    private static AuthTokens bearerTokens(Object caller) {
        JsonWebToken bearer = (JsonWebToken) caller;
        JWT token = JWT.decodeJWT(bearer.getRawToken());
        return "id".equals(bearer.getClaim("token_use")) ? new AuthTokens(null, token) : new AuthTokens(token, null);
    }

    private static AuthTokens sessionTokens(Object session) {
        SessionTokens tokens = (SessionTokens) session;
        return new AuthTokens(JWT.decodeJWT(tokens.accessToken()), JWT.decodeJWT(tokens.idToken()));
    }
}
