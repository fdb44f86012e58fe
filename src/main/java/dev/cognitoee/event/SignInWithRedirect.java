package dev.cognitoee.event;

import java.time.Instant;
import java.util.Set;

/**
 * A user signed in through Cognito's hosted UI (Amplify's {@code signInWithRedirect} Hub event) and now has a
 * server-side session; {@link SignedIn} with {@link SignInMethod#HOSTED_UI} is fired too. Fired with {@code fire}
 * and {@code fireAsync}.
 *
 * @param username    the Cognito username (for a federated user, e.g. {@code Google_1234...})
 * @param subject     the user's {@code sub}
 * @param groups      the user's groups (roles)
 * @param customState the application's value given to {@code signInWithRedirect} (Amplify's
 *                    {@code customOAuthState}), or null
 * @param pool        the user pool the user signed in to ({@code default} for the single-pool settings)
 * @param at          when
 */
public record SignInWithRedirect(String username, String subject, Set<String> groups, String customState,
                                 String pool, Instant at) {
}
