package dev.cognitoee.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Open to everyone; tells who the caller is, if anyone, and whether an HTTP session exists. */
@Path("public")
@RequestScoped
public class PublicResource {

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami() {
        return Json.createObjectBuilder()
                .add("authenticated", request.getUserPrincipal() != null)
                .add("jwtName", jwt.getName() == null ? "" : jwt.getName())
                .add("jwtClaimCount", jwt.getClaimNames().size())
                .add("session", request.getSession(false) != null)
                .build();
    }
}
