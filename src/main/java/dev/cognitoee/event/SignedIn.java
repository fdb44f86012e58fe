package dev.cognitoee.event;

import java.time.Instant;
import java.util.Set;

/**
 * A user signed in and now has a server-side session. Fired with {@code fire} and {@code fireAsync}.
 *
 * @param username the Cognito username
 * @param subject  the user's {@code sub}
 * @param groups   the user's groups (roles)
 * @param method   how the user signed in
 * @param pool     the pool the user signed in with ({@code "default"}: sessions sign in through it only)
 * @param at       when
 */
public record SignedIn(String username, String subject, Set<String> groups, SignInMethod method, String pool,
                       Instant at) {
}
