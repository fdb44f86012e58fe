package dev.cognitoee.internal.observe;

import java.util.Map;

/**
 * The outcome of one readiness probe: up or not, and what was checked, for the health check's {@code data}.
 *
 * @param up   whether the pool's keys are in service (or could be fetched) and the Cognito endpoint answered
 * @param data what was checked and how it went: the issuer, the JWKS URI and its state, the endpoint and its state;
 *             on failure the cause's class, never a token, a secret or a message of the network stack
 */
public record ReadinessReport(boolean up, Map<String, String> data) {
}
