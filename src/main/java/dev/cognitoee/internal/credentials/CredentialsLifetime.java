package dev.cognitoee.internal.credentials;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import java.time.Duration;
import java.time.Instant;

/**
 * How long credentials a provider returned may be reused, and whether they can be used at all. A provider (the
 * application's own, say) may return anything: no credentials, no {@code Expiration}, one already past, or one
 * centuries away. The first three are refused with a clear error; a far-future one is reused for
 * {@link #MAX_FRESH} at most, so that the arithmetic stays in range ({@code Duration.toNanos} overflows past about
 * 292 years) and the provider is asked again at least that often.
 */
final class CredentialsLifetime {

    /**
     * The longest time credentials are reused. Identity-pool credentials live one hour; longer-lived ones (an
     * application's own, say) are asked for again after an hour rather than kept until their own expiration.
     */
    static final Duration MAX_FRESH = Duration.ofHours(1);
    /** Credentials are refreshed a quarter of their remaining lifetime before they expire, at most this early. */
    static final Duration MAX_REFRESH_MARGIN = Duration.ofMinutes(5);

    private CredentialsLifetime() {
    }

    /**
     * Checks what a provider returned.
     *
     * @throws CognitoAuthException {@code UNEXPECTED} when there are no credentials, no expiration, or the
     *                              credentials have already expired
     */
    static CredentialsAndIdentityId checked(CredentialsAndIdentityId value, Instant now, Object provider) {
        String source = providerName(provider);
        if (value == null || value.credentials() == null) {
            throw new CognitoAuthException(AuthError.UNEXPECTED, source + " returned no AWS credentials");
        }
        if (value.expiration() == null) {
            throw new CognitoAuthException(AuthError.UNEXPECTED, source + " returned AWS credentials without an"
                    + " expiration; it must say when they expire (CredentialsAndIdentityId.expiration)");
        }
        if (!value.expiration().isAfter(now)) {
            throw new CognitoAuthException(AuthError.UNEXPECTED, source + " returned AWS credentials that expired at "
                    + value.expiration());
        }
        return value;
    }

    /**
     * How long {@code value} (already {@linkplain #checked checked}) may be served from the cache from {@code now}:
     * until a quarter of its remaining lifetime (at most {@link #MAX_REFRESH_MARGIN}) before it expires, and never
     * longer than {@link #MAX_FRESH}.
     */
    static Duration freshFor(CredentialsAndIdentityId value, Instant now) {
        Instant expiration = value.expiration();
        if (expiration == null || !expiration.isAfter(now)) {
            return Duration.ZERO;
        }
        if (expiration.isAfter(now.plus(MAX_FRESH).plus(MAX_REFRESH_MARGIN))) {
            return MAX_FRESH; // decided before any subtraction: Instant.MAX minus now is fine, its nanos are not
        }
        Duration remaining = Duration.between(now, expiration);
        Duration margin = remaining.dividedBy(4);
        if (margin.compareTo(MAX_REFRESH_MARGIN) > 0) {
            margin = MAX_REFRESH_MARGIN;
        }
        Duration fresh = remaining.minus(margin);
        return fresh.compareTo(MAX_FRESH) > 0 ? MAX_FRESH : fresh;
    }

    private static String providerName(Object provider) {
        return provider == null ? "The credentials provider"
                : "The credentials provider " + provider.getClass().getName().replaceAll("\\$.*", "");
    }
}
