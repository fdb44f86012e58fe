package dev.cognitoee.it.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A protected page of a signed-in browser session. */
@Path("profile")
@RequestScoped
@RolesAllowed("user")
public class ProfileResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject profile() {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("name", jwt.getName())
                .add("groups", Json.createArrayBuilder(jwt.getGroups()))
                .add("exp", jwt.getExpirationTime());
        if (jwt.getTokenID() != null) { // tells a refreshed token from the one before, even in the same second
            profile.add("jti", jwt.getTokenID());
        }
        return profile.build();
    }
}
