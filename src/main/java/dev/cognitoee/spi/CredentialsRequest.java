package dev.cognitoee.spi;

import java.util.Map;

/**
 * Who the credentials are for.
 *
 * @param authenticated whether the caller is signed in (false: a guest)
 * @param cacheKey      identifies the caller: a user by issuer and {@code sub} ({@code user:<iss>#<sub>}), never by
 *                      name; a caller of federated logins only by a digest of them; a guest by its HTTP session
 * @param logins        the identity pool {@code Logins} map: provider name to token (empty for a guest)
 * @param identityId    the identity id already known for the caller, or null
 * @param forceRefresh  whether cached credentials must not be used
 */
public record CredentialsRequest(boolean authenticated, String cacheKey, Map<String, String> logins,
                                 String identityId, boolean forceRefresh) {

    /**
     * A request; {@code logins} is copied.
     *
     * @param authenticated whether the caller is signed in
     * @param cacheKey      who the caller is, for caching
     * @param logins        the identity pool {@code Logins} map, not null
     * @param identityId    the identity id already known, or null
     * @param forceRefresh  whether cached credentials must not be used
     */
    public CredentialsRequest {
        logins = Map.copyOf(logins);
    }

    @Override
    public String toString() {
        return "CredentialsRequest[" + cacheKey + ", providers=" + logins.keySet() + "]"; // never the tokens
    }
}
