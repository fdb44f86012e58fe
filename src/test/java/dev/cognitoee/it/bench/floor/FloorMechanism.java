package dev.cognitoee.it.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's floor: a mechanism that does no crypto and no parsing, only compares the {@code Authorization}
 * header with a string ({@code bench.floor-header}, the same {@code Bearer} header the module's rows send). Whatever
 * the module costs above this is the module's own work.
 */
@ApplicationScoped
public class FloorMechanism implements HttpAuthenticationMechanism {

    private static final Set<String> GROUPS = Set.of("admin", "user");

    @Inject
    @ConfigProperty(name = "bench.floor-header")
    String expectedHeader;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (expectedHeader.equals(request.getHeader("Authorization"))) {
            return context.notifyContainerAboutLogin("alice", GROUPS);
        }
        return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
    }
}
