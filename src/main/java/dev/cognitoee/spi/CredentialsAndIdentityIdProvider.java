package dev.cognitoee.spi;

/**
 * Where the caller's temporary AWS credentials come from (Amplify's SPI of the same name). The module's default is
 * the configured Cognito identity pool (the module's own provider); an application replaces it by
 * declaring its own bean of this type (one, in the application):
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MyCredentials implements CredentialsAndIdentityIdProvider { ... }
 * }</pre>
 *
 * The module caches what it returns per caller until shortly before the credentials' expiration (an hour at most),
 * and asks again once for all concurrent requests of that caller: implementations need not cache. The call runs in
 * the requesting thread, outside any lock; other requests of the same caller wait for it as long as the configured
 * timeouts allow an identity-pool fetch, then get {@code SERVICE_UNAVAILABLE}. Credentials must carry an expiration
 * in the future: without one, or already expired, they are refused with {@code UNEXPECTED}.
 */
public interface CredentialsAndIdentityIdProvider {

    /**
     * Credentials and identity id for a caller.
     *
     * @param request who the caller is, and whether cached credentials may serve
     * @return the caller's credentials, with an expiration in the future, and identity id
     */
    CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request);

    /**
     * Forgets anything kept for the caller {@code cacheKey} (Amplify's {@code clearCredentialsAndIdentityId}): called
     * at every end of a session (sign-out, a refused refresh, expiry, sign-in as another user) and before a caller's
     * logins change. It may run without a current request.
     *
     * @param cacheKey the caller, as {@link CredentialsRequest#cacheKey()} named it
     */
    default void clearCredentialsAndIdentityId(String cacheKey) {
    }
}
