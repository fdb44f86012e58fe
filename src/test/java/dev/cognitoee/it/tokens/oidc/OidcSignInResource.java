package dev.cognitoee.it.tokens.oidc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands for the application's own sign-in with another OpenID Connect provider: keeps the tokens the test got from
 * that provider in the HTTP session, where {@link OidcTokens} finds them.
 */
@Path("oidc")
@Produces(MediaType.APPLICATION_JSON)
public class OidcSignInResource {

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject signIn(JsonObject tokens, @Context HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        session.setAttribute(OidcTokens.ACCESS, tokens.getString("accessToken"));
        session.setAttribute(OidcTokens.ID, tokens.getString("idToken"));
        return Json.createObjectBuilder().add("signedIn", true).build();
    }
}
