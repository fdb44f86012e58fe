package dev.cognitoee.event;

import dev.cognitoee.AuthError;
import java.time.Instant;

/**
 * Refreshing a session's tokens failed.
 *
 * @param username  the Cognito username
 * @param error     why ({@code NOT_AUTHORIZED}: refresh token refused; {@code SERVICE_UNAVAILABLE}: Cognito
 *                  unreachable)
 * @param signedOut whether the session was ended because of it (only on a definitive refusal)
 * @param pool      the session's pool ({@code "default"}: sessions sign in through it only)
 * @param at        when
 */
public record TokenRefreshFailed(String username, AuthError error, boolean signedOut, String pool,
                                 Instant at) {
}
