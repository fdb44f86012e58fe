package dev.cognitoee.it.revocation;

import dev.cognitoee.AuthSession;
import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Signs in and out through the account API. It hands the session's access token to the client only so that the
 * test can replay it as a bearer token the way a thief would: a real application never does this.
 */
@Path("session")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    CognitoAuth auth;

    @POST
    @Path("sign-in")
    public JsonObject signIn(JsonObject in) {
        boolean signedIn = auth.signIn(in.getString("username"), in.getString("password")).isSignedIn();
        AuthSession session = auth.fetchAuthSession();
        return Json.createObjectBuilder().add("isSignedIn", signedIn)
                .add("accessToken", session.accessToken()).build();
    }

    @POST
    @Path("sign-out")
    public JsonObject signOut(JsonObject in) {
        auth.signOut(in.getBoolean("global", false));
        return Json.createObjectBuilder().add("signedOut", true).build();
    }
}
