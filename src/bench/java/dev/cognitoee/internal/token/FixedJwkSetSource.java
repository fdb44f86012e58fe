package dev.cognitoee.internal.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

/** A key set held in memory: the benchmark never touches the network. */
final class FixedJwkSetSource implements JWKSetSource<SecurityContext> {

    private final JWKSet set;

    FixedJwkSetSource(JWKSet set) {
        this.set = set;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context) {
        return set;
    }

    @Override
    public void close() {
    }
}
