package dev.cognitoee.spi;

import dev.cognitoee.AuthTokens;
import java.util.Optional;

/**
 * Where the caller's tokens come from (Amplify's {@code TokenProvider}). What it returns is what
 * {@code AuthSession.tokens()} carries, and the id token in it is what the identity pool gets in its {@code Logins}
 * map for the caller's AWS credentials.
 *
 * <p><b>The module's default</b> gives the tokens of the caller that authenticated the request: a signed-in
 * browser session's Cognito tokens (refreshed shortly before they expire; {@code forceRefresh} refreshes them now,
 * once even for concurrent requests), or a bearer caller's token as it was sent and verified (the access or the id
 * token, whichever the request carried; it cannot be refreshed, so {@code forceRefresh} changes nothing).
 *
 * <p><b>Replacing it</b>: an application declares one bean of this type, and the module uses it instead, with no
 * XML (as it does for {@link CredentialsAndIdentityIdProvider}); for example to use another OpenID Connect
 * provider's tokens:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MyTokens implements TokenProvider {
 *     public Optional<AuthTokens> getTokens(boolean forceRefresh) { ... }
 * }
 * }</pre>
 *
 * <p><b>Using it</b>: {@code @Inject @Cognito TokenProvider tokens} gives the provider in use (the application's,
 * else the default), for beans that call token-protected APIs (API Gateway, AppSync) as the caller; safe to
 * keep in an {@code @ApplicationScoped} bean, since each call answers for the current request.
 *
 * <p><b>Contract.</b> It is called in the requesting thread, possibly several times per request and by concurrent
 * requests: it must be thread-safe and fast (no remote call unless a refresh is due or forced), and it must answer
 * for the current caller only. Tokens it returns are used as they are: the module does not verify them again, and
 * the identity pool checks the id token itself. The id token's {@code iss} names the identity pool's login: the
 * module's own user pool is {@code cognito-idp.<region>.amazonaws.com/<user pool id>}, any other issuer is its
 * {@code https} URL without the scheme (an OIDC provider's name in the identity pool), and the AWS credentials are
 * kept per {@code sub} and issuer of that id token.
 */
public interface TokenProvider {

    /**
     * The current caller's tokens.
     *
     * @param forceRefresh get new tokens now instead of the current ones, when the provider can (Amplify's
     *                     {@code fetchAuthSession({forceRefresh: true})})
     * @return the tokens, decoded; empty when nobody is signed in (no error: a guest, or an anonymous request)
     * @throws dev.cognitoee.CognitoAuthException when the tokens cannot be had, for example {@code NOT_AUTHORIZED}
     *                                            when Cognito refused a refresh (the session is then over) or
     *                                            {@code SERVICE_UNAVAILABLE} when it could not be asked
     */
    Optional<AuthTokens> getTokens(boolean forceRefresh);
}
