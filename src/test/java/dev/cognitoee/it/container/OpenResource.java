package dev.cognitoee.it.container;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code @PermitAll} on the class, with one method that needs a role all the same. */
@Path("open")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class OpenResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public JsonObject open() {
        return Caller.of("open", security, request);
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public JsonObject admin() {
        return Caller.of("open/admin", security, request);
    }
}
