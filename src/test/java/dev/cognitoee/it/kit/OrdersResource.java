package dev.cognitoee.it.kit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A user's protected resource, as the README's integration has it: admins only, who the caller is. */
@Path("orders")
@RolesAllowed("admin")
public class OrdersResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String orders() {
        return "orders of " + jwt.getName() + " (sub " + jwt.getSubject() + ")";
    }
}
