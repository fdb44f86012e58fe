package dev.cognitoee.internal.credentials;

import dev.cognitoee.internal.config.CognitoConfig;
import java.time.Duration;

/**
 * The time limits of a credentials fetch, derived from the configured connect and read timeouts
 * ({@code cognito.connect-timeout}, {@code cognito.read-timeout}), so that no request waits longer than the
 * identity pool may take to answer.
 */
final class FetchBounds {

    /** Attempts per identity-pool call: one retry for a throttled, failed or timed-out call, no more. */
    static final int ATTEMPTS = 2;
    /** The most a retry waits before its attempt (jittered below it), throttled or not. */
    static final Duration RETRY_DELAY = Duration.ofMillis(500);
    /** Slack for the work around the calls (the caller's own thread scheduling, JSON, the cache). */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private FetchBounds() {
    }

    /**
     * The most one identity-pool call may take, retries included: each attempt connects and reads, and the retry
     * waits {@link #RETRY_DELAY} at most before it.
     */
    static Duration perCall(CognitoConfig config) {
        return config.connectTimeout().plus(config.readTimeout()).multipliedBy(ATTEMPTS)
                .plus(RETRY_DELAY.multipliedBy(ATTEMPTS - 1));
    }

    /**
     * How long a request waits for the fetch of another request of the same caller: a fetch is at most two calls
     * ({@code GetId}, then {@code GetCredentialsForIdentity}), each bounded by {@link #perCall}. With the default
     * timeouts (5 s + 5 s): 42 s.
     */
    static Duration waitForFetch(CognitoConfig config) {
        return perCall(config).multipliedBy(2).plus(SLACK);
    }
}
