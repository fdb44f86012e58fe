package dev.cognitoee.mechanism;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Makes an anonymous request to a {@code @RolesAllowed} JAX-RS resource a 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750), where JAX-RS alone answers 403: the servlet container does not know such a resource is protected,
 * so the mechanism cannot challenge by itself. A caller who is signed in but lacks the role still gets 403.
 * Active only in applications that turned Cognito EE on.
 */
@Provider
public class RolesAllowedChallengeFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (requiresRole(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass()) && moduleEnabled()) {
            context.register(new ChallengeAnonymousCaller());
        }
    }

    private static boolean requiresRole(Method method, Class<?> resourceClass) {
        if (method.isAnnotationPresent(DenyAll.class) || method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return true;
        }
        return resourceClass.isAnnotationPresent(RolesAllowed.class)
                && !resourceClass.isAnnotationPresent(PermitAll.class);
    }

    private static boolean moduleEnabled() {
        return CDI.current().getBeanManager().getExtension(CognitoExtension.class).enabled();
    }

    @Priority(Priorities.AUTHENTICATION)
    private static final class ChallengeAnonymousCaller implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            }
        }
    }
}
