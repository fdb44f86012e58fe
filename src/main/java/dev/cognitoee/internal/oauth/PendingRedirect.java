package dev.cognitoee.internal.oauth;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in sent to the hosted UI and not back yet: what the callback needs to finish it, kept server-side in the
 * browser's HTTP session (which is what binds it to that browser). Serializable for session replication.
 *
 * @param state       the {@code state} sent to the hosted UI, which the callback must bring back
 * @param nonce       the {@code nonce} the id token must carry
 * @param verifier    the PKCE verifier the code is exchanged with
 * @param returnPath  the path (context path included) the browser is sent to once signed in
 * @param customState the application's own value ({@code signInWithRedirect}), or null
 * @param provider    the {@code identity_provider} asked for, or null for the hosted page
 * @param createdAt   when, by the module's clock (pending sign-ins expire)
 */
record PendingRedirect(String state, String nonce, String verifier, String returnPath, String customState,
                       String provider, Instant createdAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "PendingRedirect[provider=" + provider + ", createdAt=" + createdAt + "]"; // never state or verifier
    }
}
