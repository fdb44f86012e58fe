package dev.cognitoee.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.internal.time.ClockTicker;
import dev.cognitoee.internal.token.VerifiedTokenCache.TokenDigest;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The "ask Cognito" check ({@code cognito.revocation-check=cognito}): the first time an access token is seen, the
 * user pool is asked whether it still honours it ({@link UserPoolTokenCheck}, GetUser). A yes is remembered for
 * {@code cognito.revocation-cache-time} (never past the token's {@code exp}), keyed by the token's SHA-256; a no is
 * recorded in the revocation list, so that the session's other tokens are refused without asking again.
 *
 * <p>One question per token at a time: concurrent requests with the same new token wait for the first one's answer
 * (at most one call's connect and read timeouts, then 503), and that answer's future completes on every path.
 * The remote call never runs inside a lock.
 */
final class UserPoolRevocationCheck {

    /** GetUser accepts only access tokens that carry this scope; Cognito refuses it for any other token. */
    static final String GET_USER_SCOPE = "aws.cognito.signin.user.admin";
    private static final int MAX_REMEMBERED_ANSWERS = 10_000;

    private final UserPoolTokenCheck pool;
    private final TokenRevocations revocations;
    private final Duration cacheTime;
    private final Duration waitBound;
    private final Clock clock;
    private final Cache<TokenDigest, Instant> honouredUntil;
    private final Map<TokenDigest, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    UserPoolRevocationCheck(UserPoolTokenCheck pool, TokenRevocations revocations, Duration cacheTime,
                            Duration waitBound, Clock clock) {
        this.pool = pool;
        this.revocations = revocations;
        this.cacheTime = cacheTime;
        this.waitBound = waitBound;
        this.clock = clock;
        this.honouredUntil = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED_ANSWERS)
                .expireAfter(ExpiresAt.<TokenDigest, Instant>of(until -> until, clock))
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run) // maintenance on the caller's thread: no unmanaged threads in the server
                .build();
    }

    /**
     * Passes if the pool honours {@code token} (or did within the cache time).
     *
     * @param digest the token's SHA-256, or null to compute it here
     * @throws TokenRejectedException               the pool refuses the token, or it lacks the scope to ask
     * @throws RevocationCheckUnavailableException  the pool cannot answer now
     */
    void check(VerifiedToken token, TokenDigest digest)
            throws TokenRejectedException, RevocationCheckUnavailableException {
        TokenDigest key = digest != null ? digest : VerifiedTokenCache.digest(token.rawToken());
        Instant until = honouredUntil.getIfPresent(key);
        if (until != null && clock.instant().isBefore(until)) {
            return;
        }
        if (!hasScope(token, GET_USER_SCOPE)) {
            throw new TokenRejectedException(TokenRejection.REVOCATION_SCOPE_MISSING);
        }
        if (!honoured(token, key)) {
            revocations.revoke(token.claims());
            throw new TokenRejectedException(TokenRejection.REVOKED);
        }
    }

    /** How many calls are waiting for the pool's answer now (for tests: 0 when none is stranded). */
    int inFlight() {
        return inFlight.size();
    }

    private boolean honoured(VerifiedToken token, TokenDigest key) throws RevocationCheckUnavailableException {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            boolean honoured = pool.honours(token.rawToken());
            if (honoured) {
                Instant cachedUntil = clock.instant().plus(cacheTime);
                honouredUntil.put(key, cachedUntil.isBefore(token.expiresAt()) ? cachedUntil : token.expiresAt());
            }
            mine.complete(honoured);
            return honoured;
        } catch (RevocationCheckUnavailableException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private boolean await(CompletableFuture<Boolean> running) throws RevocationCheckUnavailableException {
        try {
            return running.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RevocationCheckUnavailableException(
                    "Cognito did not answer the revocation check within " + waitBound.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new RevocationCheckUnavailableException(
                    "The revocation check this request waited for failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationCheckUnavailableException("Interrupted while waiting for the revocation check", e);
        }
    }

    private static boolean hasScope(VerifiedToken token, String scope) {
        JsonValue value = token.claims().get("scope");
        if (value instanceof JsonString string) {
            for (String granted : string.getString().split(" ")) {
                if (granted.equals(scope)) {
                    return true;
                }
            }
        } else if (value instanceof JsonArray array) {
            return array.stream().anyMatch(v -> v instanceof JsonString s && s.getString().equals(scope));
        }
        return false;
    }
}
