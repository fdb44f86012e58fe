package dev.cognitoee.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cognitoee.internal.time.ClockTicker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

/**
 * Remembers tokens that passed verification, so that a repeated token costs a digest and a lookup instead of an
 * RSA operation. Keyed by the SHA-256 of the token (the cache never holds a usable token), bounded in size, and
 * an entry is never served past the token's own {@code exp}. Only verified tokens are put in: a flood of forged
 * tokens cannot fill it. Each entry names the signing key that verified it, so that a hit can be refused once the
 * pool no longer publishes that key.
 */
final class VerifiedTokenCache {

    private final Cache<TokenDigest, Entry> cache;
    private final Clock clock;

    VerifiedTokenCache(int maximumSize, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(ExpiresAt.<TokenDigest, Entry>of(entry -> entry.claims().expiresAt(), clock))
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run) // maintenance on the caller's thread: no unmanaged threads in the server
                .build();
    }

    /** The digest under which {@code token} is cached. */
    static TokenDigest digest(String token) {
        ByteBuffer sha256 = ByteBuffer.wrap(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
        return new TokenDigest(sha256.getLong(), sha256.getLong(), sha256.getLong(), sha256.getLong());
    }

    /** A previously verified token, if it is cached and has not expired. */
    Entry get(TokenDigest digest) {
        Entry entry = cache.getIfPresent(digest);
        // Caffeine's own expiry runs on its ticker; the token's exp is judged on our clock.
        return entry != null && clock.instant().isBefore(entry.claims().expiresAt()) ? entry : null;
    }

    void put(TokenDigest digest, Entry entry) {
        cache.put(digest, entry);
    }

    /** Forgets a token whose entry may no longer be served (its signing key was withdrawn). */
    void remove(TokenDigest digest) {
        cache.invalidate(digest);
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

    /**
     * A verified token as the cache remembers it.
     *
     * @param claims what the token says
     * @param keyId  the {@code kid} of the key that verified its signature
     * @param key    that key, as the set in service held it (compared by identity, see {@link SigningKeys})
     */
    record Entry(VerifiedClaims claims, String keyId, RSAPublicKey key) {
    }

    /** A SHA-256 digest as four longs: cheap to hash and compare. */
    record TokenDigest(long a, long b, long c, long d) {
    }
}
