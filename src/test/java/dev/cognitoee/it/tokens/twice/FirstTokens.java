package dev.cognitoee.it.tokens.twice;

import dev.cognitoee.AuthTokens;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** One of two token providers in one application: the module cannot tell which to use. */
@ApplicationScoped
public class FirstTokens implements TokenProvider {

    @Override
    public Optional<AuthTokens> getTokens(boolean forceRefresh) {
        return Optional.empty();
    }
}
