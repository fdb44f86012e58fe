package dev.cognitoee.internal.mechanism;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The module's part in JAX-RS security, in applications that turned Cognito EE on. Method annotations win over
 * class ones, as in Jakarta Annotations.
 * <ul>
 *   <li>{@code @RolesAllowed}: an anonymous request is a 401 with {@code WWW-Authenticate: Bearer} (RFC 6750),
 *   where JAX-RS alone answers 403: the servlet container does not know such a resource is protected, so the
 *   mechanism cannot challenge by itself. A caller who is signed in but lacks the role still gets 403. API
 *   clients get both with a JSON body ({@link ApiErrors}) rather than the server's HTML error page.</li>
 *   <li>{@code @PermitAll}: public, whoever calls. Payara's own JAX-RS security calls
 *   {@code SecurityContext.authenticate()} before such a method; the request is marked here first, so that the
 *   mechanism does not answer that call with a challenge. A valid bearer token or session still makes the caller
 *   known; an invalid bearer token is refused with 401, as on any other resource (RFC 6750).</li>
 * </ul>
 */
@Provider
public class RolesAllowedChallengeFeature implements DynamicFeature {

    /** The request attribute that marks a request to a {@code @PermitAll} resource. */
    private static final String PERMIT_ALL = RolesAllowedChallengeFeature.class.getName() + ".permitAll";

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (!moduleEnabled()) {
            return;
        }
        Method method = resourceInfo.getResourceMethod();
        Class<?> resourceClass = resourceInfo.getResourceClass();
        // @DenyAll (method, then class) is left to Payara's own filter, which forbids it
        if (method.isAnnotationPresent(DenyAll.class)) {
            return;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            context.register(new MarkPermitAll());
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new ChallengeOrForbid(method.getAnnotation(RolesAllowed.class).value()));
        } else if (resourceClass.isAnnotationPresent(DenyAll.class)) {
            return;
        } else if (resourceClass.isAnnotationPresent(PermitAll.class)) {
            context.register(new MarkPermitAll());
        } else if (resourceClass.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new ChallengeOrForbid(resourceClass.getAnnotation(RolesAllowed.class).value()));
        }
    }

    /** Whether {@code request} goes to a {@code @PermitAll} JAX-RS resource. */
    static boolean permitsAll(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(PERMIT_ALL));
    }

    private static boolean moduleEnabled() {
        return CDI.current().getBeanManager().getExtension(CognitoExtension.class).enabled();
    }

    private static boolean apiClient(ContainerRequestContext request) {
        return ApiErrors.wanted(request.getHeaderString(HttpHeaders.ACCEPT),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    private static Response.ResponseBuilder jsonError(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(ApiErrors.body(error, description).toString());
    }

    /** Runs before Payara's filter (priority AUTHORIZATION), which calls {@code authenticate()}. */
    @Priority(Priorities.AUTHENTICATION)
    private static final class MarkPermitAll implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            // JAX-RS properties are the servlet request's attributes in a servlet container
            request.setProperty(PERMIT_ALL, Boolean.TRUE);
        }
    }

    @Priority(Priorities.AUTHENTICATION)
    private static final class ChallengeOrForbid implements ContainerRequestFilter {

        private final String[] roles;

        ChallengeOrForbid(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                Response.ResponseBuilder challenge = apiClient(request)
                        ? jsonError(Response.Status.UNAUTHORIZED, ApiErrors.UNAUTHORIZED,
                                ApiErrors.AUTHENTICATION_REQUIRED)
                        : Response.status(Response.Status.UNAUTHORIZED);
                request.abortWith(challenge.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
            } else if (apiClient(request) && !holdsOneOfTheRoles(request.getSecurityContext())) {
                // browsers keep the server's (or the application's) 403 page, which Payara's own filter leads to
                request.abortWith(jsonError(Response.Status.FORBIDDEN, ApiErrors.FORBIDDEN, ApiErrors.NOT_IN_ROLE)
                        .build());
            }
        }

        /**
         * Whether the caller holds one of the roles. This filter never grants anything: Payara's own filter, which
         * runs next, decides; this one only chooses to answer a refusal in JSON. So the caller's token is looked at
         * first: its groups are the roles the module gave it, and a match costs a set lookup. Only without a match
         * is the container asked ({@code isUserInRole}: a JACC policy check as costly as Payara's own, which the
         * end-to-end profile showed doubling the authorization cost of every API request), since it may know roles
         * from another identity store or a role mapping. Payara 7 hands out its own principal, not the token: there
         * the container is always asked.
         */
        private boolean holdsOneOfTheRoles(SecurityContext security) {
            Set<String> groups = security.getUserPrincipal() instanceof JsonWebToken token ? token.getGroups() : null;
            if (groups != null && Arrays.stream(roles).anyMatch(groups::contains)) {
                return true;
            }
            return Arrays.stream(roles).anyMatch(security::isUserInRole);
        }
    }
}
