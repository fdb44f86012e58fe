package dev.cognitoee.it.pools;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.PoolJsonWebToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the caller is, which pool they come from, and which of the application's roles they have; and the account
 * API, which serves the default pool's users only.
 */
@Path("")
@RequestScoped
public class WhoResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    PoolJsonWebToken poolJwt;

    @Inject
    SecurityContext securityContext;

    @Inject
    CognitoAuth auth;

    /** Open to any authenticated bearer caller (no role needed), so that a caller with no role can be seen too. */
    @GET
    @Path("who")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject who() {
        return Json.createObjectBuilder()
                .add("name", String.valueOf(securityContext.getCallerPrincipal() == null ? null
                        : securityContext.getCallerPrincipal().getName()))
                .add("pool", String.valueOf(poolJwt.pool()))
                .add("castPool", jwt instanceof PoolJsonWebToken cast ? String.valueOf(cast.pool()) : "not castable")
                .add("admin", securityContext.isCallerInRole("admin"))
                .add("user", securityContext.isCallerInRole("user"))
                .add("groups", Json.createArrayBuilder(jwt.getGroups() == null ? java.util.Set.of() : jwt.getGroups()))
                .build();
    }

    /** The account API for the caller: the default pool's users only. */
    @GET
    @Path("email")
    public Response email() {
        try {
            return Response.ok(auth.fetchUserAttributes().get("email")).build();
        } catch (CognitoAuthException e) {
            return Response.status(Response.Status.CONFLICT).entity(e.error() + ": " + e.getMessage()).build();
        }
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin area of " + jwt.getName() + " from " + poolJwt.pool();
    }
}
