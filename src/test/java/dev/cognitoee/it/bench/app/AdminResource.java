package dev.cognitoee.it.bench.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The benchmark's protected resource: the same in every WAR, whatever mechanism authenticates the caller. */
@Path("admin")
@RolesAllowed("admin")
public class AdminResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String admin(@Context SecurityContext security) {
        return "admin area of " + security.getUserPrincipal().getName();
    }
}
