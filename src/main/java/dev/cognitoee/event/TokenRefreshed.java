package dev.cognitoee.event;

import java.time.Instant;

/**
 * A session's tokens were refreshed with its refresh token.
 *
 * @param username  the Cognito username
 * @param expiresAt when the new access token expires
 * @param pool      the session's pool ({@code "default"}: sessions sign in through it only)
 * @param at        when
 */
public record TokenRefreshed(String username, Instant expiresAt, String pool, Instant at) {
}
