package dev.cognitoee.internal.session;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.Setting;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bounds the sign-in calls this node has in flight at Cognito ({@code cognito.max-concurrent-sign-ins}). Every
 * anonymous sign-in post becomes an InitiateAuth call, and sign-ins share the account's Cognito quota with the
 * token refreshes of existing sessions: past the bound a sign-in is refused at once ({@code TOO_MANY_REQUESTS},
 * answered 429 with {@code Retry-After}) instead of queueing, and refreshes, which never take a permit, keep their
 * share. Nobody waits for a permit, so this adds no wait of its own.
 */
final class SignInPermits {

    private static final Logger LOG = Logger.getLogger(SignInPermits.class.getName());

    private final Semaphore permits;
    private final int size;

    SignInPermits(int size) {
        this.permits = new Semaphore(size);
        this.size = size;
    }

    /** Runs {@code signIn} with a permit, released on every path. */
    <T> T call(Supplier<T> signIn) {
        if (!permits.tryAcquire()) {
            LOG.log(Level.FINE, "Refusing a sign-in: {0} already in flight ({1})",
                    new Object[] {size, Setting.MAX_CONCURRENT_SIGN_INS.key()});
            throw new CognitoAuthException(AuthError.TOO_MANY_REQUESTS, null,
                    "Too many sign-ins at once; try again shortly.", null);
        }
        try {
            return signIn.get();
        } finally {
            permits.release();
        }
    }
}
