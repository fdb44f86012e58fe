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

/** Method-level annotations only: a public method beside two that need a role. */
@Path("mixed")
@Produces(MediaType.APPLICATION_JSON)
public class MixedResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Path("open")
    @PermitAll
    public JsonObject open() {
        return Caller.of("mixed/open", security, request);
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public JsonObject admin() {
        return Caller.of("mixed/admin", security, request);
    }

    @GET
    @Path("user")
    @RolesAllowed("user")
    public JsonObject user() {
        return Caller.of("mixed/user", security, request);
    }
}
