package dev.cognitoee.it.passkeys;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.ListWebAuthnCredentialsResult;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The passkey calls of the module as JSON endpoints, the way an application's passkey page would call them: the
 * options out as they come, the browser's credential in as raw text (so that the module sees exactly what was sent).
 */
@Path("passkeys")
@Produces(MediaType.APPLICATION_JSON)
public class PasskeysResource {

    @Inject
    CognitoAuth auth;

    @POST
    @Path("start")
    public String start() {
        return auth.startWebAuthnRegistration();
    }

    @PUT
    @Path("credential")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response complete(String credentialJson) {
        auth.completeWebAuthnRegistration(credentialJson);
        return Response.noContent().build();
    }

    @GET
    public JsonObject list(@QueryParam("pageSize") Integer pageSize, @QueryParam("nextToken") String nextToken) {
        ListWebAuthnCredentialsResult page = auth.listWebAuthnCredentials(pageSize, nextToken);
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        page.credentials().forEach(c -> credentials.add(Json.createObjectBuilder()
                .add("credentialId", c.credentialId())
                .add("friendlyCredentialName", c.friendlyCredentialName())
                .add("relyingPartyId", c.relyingPartyId())
                .add("authenticatorAttachment", String.valueOf(c.authenticatorAttachment()))
                .add("authenticatorTransports", Json.createArrayBuilder(c.authenticatorTransports()))
                .add("createdAt", c.createdAt().toString())));
        var out = Json.createObjectBuilder().add("credentials", credentials);
        if (page.nextToken() != null) {
            out.add("nextToken", page.nextToken());
        }
        return out.build();
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(JsonObject in) {
        auth.deleteWebAuthnCredential(in.getString("credentialId", null));
        return Response.noContent().build();
    }
}
