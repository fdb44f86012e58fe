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

/** {@code @RolesAllowed} on the class, with one {@code @PermitAll} method. */
@Path("members")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public JsonObject members() {
        return Caller.of("members", security, request);
    }

    @GET
    @Path("welcome")
    @PermitAll
    public JsonObject welcome() {
        return Caller.of("members/welcome", security, request);
    }
}
