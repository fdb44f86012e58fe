package dev.cognitoee.it.tokens.oidc;

import dev.cognitoee.AuthTokens;
import dev.cognitoee.JWT;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * An application's own token provider, replacing the module's: the tokens of another OpenID Connect provider, which
 * the application signed its user in with itself and keeps in the HTTP session ({@link OidcSignInResource}).
 */
@ApplicationScoped
public class OidcTokens implements TokenProvider {

    static final String ACCESS = "app.oidc.access";
    static final String ID = "app.oidc.id";

    @Inject
    HttpServletRequest request;

    @Override
    public Optional<AuthTokens> getTokens(boolean forceRefresh) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(ID) == null) {
            return Optional.empty();
        }
        return Optional.of(new AuthTokens(JWT.decodeJWT((String) session.getAttribute(ACCESS)),
                JWT.decodeJWT((String) session.getAttribute(ID))));
    }
}
