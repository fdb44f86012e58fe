package dev.cognitoee.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.config.CognitoConfigKeys;
import dev.cognitoee.session.SessionStore;
import dev.cognitoee.session.SessionTokens;
import dev.cognitoee.token.CallerToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The current caller's AWS credentials: who the caller is (a signed-in session, a bearer id token, federated
 * logins, or a guest), and a cache of credentials per caller, each kept until shortly before its own expiration.
 * Concurrent requests of one caller share one fetch; one caller's credentials are never handed to another, since
 * the cache key is derived from the caller's own verified identity on every call.
 */
@ApplicationScoped
public class CallerCredentials {

    private static final String GUEST_IDENTITY = "dev.cognitoee.credentials.guestIdentityId";
    private static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);

    @Inject
    CognitoConfig config;

    @Inject
    @ProviderInUse
    CredentialsAndIdentityIdProvider provider;

    @Inject
    HttpServletRequest request;

    @Inject
    SecurityContext securityContext;

    private final Cache<String, CredentialsAndIdentityId> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(new UntilShortlyBeforeExpiration())
            .executor(Runnable::run)
            .build();

    /** The caller's credentials, from the cache when still fresh. */
    public CredentialsAndIdentityId current() {
        return current(false);
    }

    /**
     * The caller's credentials; with {@code forceRefresh}, fetched anew.
     *
     * @throws CognitoAuthException {@code NOT_SIGNED_IN} when nobody is signed in and guests are not allowed,
     *                              {@code NO_IDENTITY_POOL}, or the provider's error
     */
    public CredentialsAndIdentityId current(boolean forceRefresh) {
        CredentialsRequest caller = caller(forceRefresh);
        if (forceRefresh) {
            cache.invalidate(caller.cacheKey());
        }
        CredentialsAndIdentityId credentials;
        try {
            credentials = cache.get(caller.cacheKey(), key -> provider.getCredentialsAndIdentityId(caller));
        } catch (CompletionException e) {
            throw e.getCause() instanceof CognitoAuthException cognito ? cognito : e;
        }
        if (!caller.authenticated() && caller.identityId() == null) {
            request.getSession(true).setAttribute(GUEST_IDENTITY, credentials.identityId());
        }
        return credentials;
    }

    /** Forgets the current caller's credentials, if there is a caller (before its logins change). */
    public void forgetCaller() {
        try {
            forget(caller(false).cacheKey());
        } catch (CognitoAuthException nobody) {
            // no caller, nothing cached
        }
    }

    /** Forgets the credentials of the user {@code username} (at sign-out). */
    public void forgetUser(String username) {
        forget(userKey(username));
    }

    private void forget(String cacheKey) {
        cache.invalidate(cacheKey);
        provider.clearCredentialsAndIdentityId(cacheKey);
    }

    private CredentialsRequest caller(boolean forceRefresh) {
        Map<String, String> logins = new LinkedHashMap<>(FederatedLogins.of(request));
        SessionTokens tokens = SessionStore.tokens(request);
        if (tokens != null) {
            logins.put(config.identityProviderName(), tokens.idToken());
            return new CredentialsRequest(true, userKey(tokens.username()), logins, null, forceRefresh);
        }
        JsonWebToken jwt = CallerToken.of(securityContext).orElse(null);
        if (jwt != null && "id".equals(jwt.getClaim("token_use"))) {
            logins.put(config.identityProviderName(), jwt.getRawToken());
            return new CredentialsRequest(true, userKey(jwt.getClaim("cognito:username")), logins, null,
                    forceRefresh);
        }
        if (!logins.isEmpty()) {
            return new CredentialsRequest(true, "federated:" + digest(logins.toString()), logins, null,
                    forceRefresh);
        }
        if (config.allowGuestAccess()) {
            HttpSession session = request.getSession(true);
            String guestIdentity = (String) session.getAttribute(GUEST_IDENTITY);
            return new CredentialsRequest(false, "guest:" + session.getId(), Map.of(), guestIdentity, forceRefresh);
        }
        throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "No signed-in caller, and guest access is off ("
                + CognitoConfigKeys.ALLOW_GUEST_ACCESS + ")");
    }

    /** Users are told apart by their Cognito username, unique in the pool, which the session keeps decoded. */
    private static String userKey(String username) {
        return "user:" + username;
    }

    /** Federated tokens identify the caller but must not sit in memory as cache keys. */
    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Fresh until a quarter of the remaining lifetime (at most 5 minutes) before the credentials expire. */
    private static final class UntilShortlyBeforeExpiration implements Expiry<String, CredentialsAndIdentityId> {
        @Override
        public long expireAfterCreate(String key, CredentialsAndIdentityId value, long currentTime) {
            Duration remaining = Duration.between(Instant.now(), value.expiration());
            if (remaining.isNegative()) {
                return 0;
            }
            Duration margin = remaining.dividedBy(4);
            if (margin.compareTo(MAX_REFRESH_MARGIN) > 0) {
                margin = MAX_REFRESH_MARGIN;
            }
            return remaining.minus(margin).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, CredentialsAndIdentityId value, long currentTime,
                                      long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CredentialsAndIdentityId value, long currentTime,
                                    long currentDuration) {
            return currentDuration;
        }
    }
}
