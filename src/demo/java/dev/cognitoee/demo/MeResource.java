package dev.cognitoee.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/me}: the caller of a bearer token (or of the browser session), as JSON. */
@Path("me")
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({DemoRoles.USER, DemoRoles.ADMIN})
    public JsonObject me(@Context SecurityContext security) {
        return Json.createObjectBuilder()
                .add("caller", security.getUserPrincipal().getName())
                .add("groups", Json.createArrayBuilder(jwt.getGroups()))
                .add("admin", security.isUserInRole(DemoRoles.ADMIN))
                .add("tokenUse", jwt.<String>getClaim("token_use"))
                .add("expiresAt", jwt.getExpirationTime())
                .build();
    }
}
