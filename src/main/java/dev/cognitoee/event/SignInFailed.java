package dev.cognitoee.event;

import dev.cognitoee.AuthError;
import java.time.Instant;

/**
 * A sign-in attempt failed. Carries the username as typed (it may not exist), never the password.
 *
 * @param username the username that was tried
 * @param error    why
 * @param method   which way the attempt came
 * @param pool     the pool the attempt was made on ({@code "default"}: sessions sign in through it only)
 * @param at       when
 */
public record SignInFailed(String username, AuthError error, SignInMethod method, String pool,
                           Instant at) {
}
