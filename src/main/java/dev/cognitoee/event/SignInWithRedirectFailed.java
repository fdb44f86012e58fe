package dev.cognitoee.event;

import dev.cognitoee.AuthError;
import java.time.Instant;

/**
 * A sign-in through Cognito's hosted UI failed: on its start or on its callback (Amplify's
 * {@code signInWithRedirect_failure}). Carries no code, token or {@code state}.
 *
 * @param error       why, typed
 * @param reason      what was wrong, in words (never a secret)
 * @param customState the application's value given to {@code signInWithRedirect}, when the failed callback could be
 *                    tied to its sign-in; otherwise null
 * @param pool        the user pool of the attempt ({@code "default"}: the hosted UI is the single-pool settings')
 * @param at          when
 */
public record SignInWithRedirectFailed(AuthError error, String reason, String customState, String pool,
                                       Instant at) {
}
