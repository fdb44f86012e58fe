package dev.cognitoee.it.tokens.twice;

import dev.cognitoee.AuthTokens;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The other of the two token providers. */
@ApplicationScoped
public class SecondTokens implements TokenProvider {

    @Override
    public Optional<AuthTokens> getTokens(boolean forceRefresh) {
        return Optional.empty();
    }
}
