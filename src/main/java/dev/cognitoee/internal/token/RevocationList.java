package dev.cognitoee.internal.token;

import java.time.Instant;

/**
 * The revoked sessions whose tokens must be refused before their {@code exp}, by revocation id: the token's
 * {@code origin_jti} (shared by the access and id tokens of one authentication, and kept across refreshes), or its
 * {@code jti} when it has none. An entry is needed only until the tokens it refuses have expired.
 *
 * <p>Implementations are thread-safe, and {@link #isRevoked} is on every request's path: it must be a local
 * lookup. The module's default is {@link InMemoryRevocationList}, which is per node; a cluster can back this
 * interface with a shared cache (Payara's JCache) so that a sign-out on one node is seen by all.
 */
interface RevocationList {

    /** Refuses the tokens of revocation id {@code id} until {@code until}; a later {@code until} wins. */
    void revoke(String id, Instant until);

    /** Whether the tokens of revocation id {@code id} are refused now. */
    boolean isRevoked(String id);
}
