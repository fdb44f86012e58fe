package dev.cognitoee.internal.token;

/**
 * The state of an issuer's signing keys, as a readiness check reports it.
 *
 * @param inService   whether a key set is in service (fetched now or earlier: a set that cannot be refreshed stays
 *                    in service)
 * @param lastFailure the class of the last fetch's failure (its root cause, e.g. {@code java.net.ConnectException}),
 *                    or null when the last fetch succeeded
 */
public record KeysState(boolean inService, String lastFailure) {
}
