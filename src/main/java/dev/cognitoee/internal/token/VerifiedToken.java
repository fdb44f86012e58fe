package dev.cognitoee.internal.token;

import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.Credential;
import java.time.Instant;
import java.util.Set;

/**
 * A Cognito token that passed every check of {@link CognitoTokenVerifier}. Only the verifier creates one, so an
 * identity store that receives it as a {@link Credential} knows it is genuine.
 */
public final class VerifiedToken implements Credential {

    private final String rawToken;
    private final VerifiedClaims verified;
    private final String pool;

    VerifiedToken(String rawToken, VerifiedClaims verified, String pool) {
        this.rawToken = rawToken;
        this.verified = verified;
        this.pool = pool;
    }

    /** The compact JWT as received. Never log it. */
    public String rawToken() {
        return rawToken;
    }

    /** The token's payload. */
    public JsonObject claims() {
        return verified.claims();
    }

    /** The caller's name, from the configured caller-name claim. */
    public String callerName() {
        return verified.callerName();
    }

    /** The name of the trusted issuer that issued it: {@code default}, a named pool or an OIDC issuer. */
    public String pool() {
        return pool;
    }

    /** The caller's roles: the issuer's groups claim, through its role mapping. */
    public Set<String> groups() {
        return verified.groups();
    }

    /** When the token expires ({@code exp}). */
    public Instant expiresAt() {
        return verified.expiresAt();
    }

    @Override
    public String toString() {
        return "VerifiedToken[caller=" + callerName() + ", pool=" + pool + ", expiresAt=" + expiresAt() + "]";
    }
}
