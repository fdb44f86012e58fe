package dev.cognitoee.internal.mechanism;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What {@code @Inject JsonWebToken} gives on a request without a caller: no name, no claims. */
final class AnonymousJsonWebToken implements JsonWebToken {

    static final AnonymousJsonWebToken INSTANCE = new AnonymousJsonWebToken();

    private AnonymousJsonWebToken() {
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
