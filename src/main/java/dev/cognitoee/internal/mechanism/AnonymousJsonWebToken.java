package dev.cognitoee.internal.mechanism;

import dev.cognitoee.PoolJsonWebToken;
import java.util.Set;

/** What {@code @Inject JsonWebToken} gives on a request without a caller: no name, no claims, no pool. */
final class AnonymousJsonWebToken implements PoolJsonWebToken {

    static final AnonymousJsonWebToken INSTANCE = new AnonymousJsonWebToken();

    private AnonymousJsonWebToken() {
    }

    @Override
    public String pool() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }
}
