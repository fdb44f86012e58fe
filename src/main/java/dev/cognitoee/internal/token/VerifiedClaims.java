package dev.cognitoee.internal.token;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/**
 * What a verified token says, without the token itself: this is what the verified-token cache holds.
 *
 * @param claims     the whole payload
 * @param callerName the value of the configured caller-name claim
 * @param groups     the values of the configured groups claim (empty when absent)
 * @param expiresAt  the token's {@code exp}
 */
record VerifiedClaims(JsonObject claims, String callerName, Set<String> groups, Instant expiresAt) {
}
