package dev.cognitoee.credentials;

/**
 * Where the caller's temporary AWS credentials come from (Amplify's SPI of the same name). The module's default is
 * the configured Cognito identity pool ({@link IdentityPoolCredentialsProvider}); an application replaces it by
 * declaring its own bean of this type (one, in the application):
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MyCredentials implements CredentialsAndIdentityIdProvider { ... }
 * }</pre>
 *
 * The module caches what it returns per caller until shortly before the credentials' expiration, and asks again
 * once for all concurrent requests of that caller: implementations need not cache.
 */
public interface CredentialsAndIdentityIdProvider {

    /** Credentials and identity id for the caller described by {@code request}. */
    CredentialsAndIdentityId getCredentialsAndIdentityId(CredentialsRequest request);

    /** Forgets anything kept for the caller {@code cacheKey} (called at sign-out). */
    default void clearCredentialsAndIdentityId(String cacheKey) {
    }
}
