package dev.cognitoee.it.cluster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A protected resource that says which node answered and who the caller is: a plain authenticated read, which
 * touches the session only to read it.
 */
@Path("me")
@RequestScoped
@RolesAllowed("user")
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("node", ThisNode.name())
                .add("caller", jwt.getName())
                .add("subject", jwt.getSubject())
                .build();
    }

    /** Puts a {@link GridWriteProbe} in the caller's session (a write of the application's own), once. */
    @POST
    @Path("probe")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject probe() {
        request.getSession(false).setAttribute(GridWriteProbe.ATTRIBUTE, new GridWriteProbe());
        return me();
    }
}
