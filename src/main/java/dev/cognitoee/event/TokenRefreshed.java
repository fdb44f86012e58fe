package dev.cognitoee.event;

import java.time.Instant;

/**
 * A session's tokens were refreshed with its refresh token.
 *
 * @param username  the Cognito username
 * @param expiresAt when the new access token expires
 * @param at        when
 */
public record TokenRefreshed(String username, Instant expiresAt, Instant at) {
}
