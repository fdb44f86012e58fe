package dev.cognitoee.internal.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The module's MicroProfile Health readiness check, {@code cognito-ee} on the server's {@code /health/ready}: what
 * {@link ReadinessProbe} found, with what it checked as data. A bean only when the server has MicroProfile Health
 * ({@link ObservabilityApis}).
 */
@Readiness
@ApplicationScoped
public class CognitoReadinessCheck implements HealthCheck {

    static final String NAME = "cognito-ee";

    @Inject
    ReadinessProbe probe;

    @Override
    public HealthCheckResponse call() {
        ReadinessReport readiness = probe.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(readiness.up());
        readiness.data().forEach(response::withData);
        return response.build();
    }
}
