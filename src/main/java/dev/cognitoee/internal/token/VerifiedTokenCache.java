package dev.cognitoee.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.internal.time.ClockTicker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

/**
 * Remembers tokens that passed verification, so that a repeated token costs a digest and a lookup instead of an
 * RSA operation. Keyed by the SHA-256 of the token (the cache never holds a usable token), bounded in size, and
 * an entry is never served past the token's own {@code exp}. Only verified tokens are put in: a flood of forged
 * tokens cannot fill it.
 */
final class VerifiedTokenCache {

    private final Cache<TokenDigest, VerifiedClaims> cache;
    private final Clock clock;

    VerifiedTokenCache(int maximumSize, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(ExpiresAt.<TokenDigest, VerifiedClaims>of(VerifiedClaims::expiresAt, clock))
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run) // maintenance on the caller's thread: no unmanaged threads in the server
                .build();
    }

    /** The digest under which {@code token} is cached. */
    static TokenDigest digest(String token) {
        ByteBuffer sha256 = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
        return new TokenDigest(sha256.getLong(), sha256.getLong(), sha256.getLong(), sha256.getLong());
    }

    /** The claims of a previously verified token, if it is cached and has not expired. */
    VerifiedClaims get(TokenDigest digest) {
        VerifiedClaims claims = cache.getIfPresent(digest);
        // Caffeine's own expiry runs on its ticker; the token's exp is judged on our clock.
        return claims != null && clock.instant().isBefore(claims.expiresAt()) ? claims : null;
    }

    void put(TokenDigest digest, VerifiedClaims claims) {
        cache.put(digest, claims);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** A SHA-256 digest as four longs: cheap to hash and compare. */
    record TokenDigest(long a, long b, long c, long d) {
    }
}
