package dev.cognitoee.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

@Path("admin")
@RolesAllowed("admin")
public class AdminResource {

    @GET
    public String admin(@Context SecurityContext security) {
        return "admin area of " + security.getUserPrincipal().getName();
    }
}
