package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two server steps of registering a passkey, for the passkeys page's script ({@code passkeys.js}): the options
 * for {@code navigator.credentials.create}, then the new credential back. Both are JSON posts of the signed-in
 * browser session: a page of another site can neither send them with the session cookie (SameSite=Lax) nor read the
 * options (no CORS). Any signed-in user may call them, with or without a group: without one, {@code CognitoAuth}
 * answers {@code NOT_SIGNED_IN} (401).
 */
@Path("passkeys")
public class PasskeyRegistrationResource {

    @Inject
    CognitoAuth auth;

    /** {@code POST /api/passkeys/options}: Cognito's creation options, as JSON. */
    @POST
    @Path("options")
    @Produces(MediaType.APPLICATION_JSON)
    public Response options() {
        try {
            return Response.ok(auth.startWebAuthnRegistration()).build();
        } catch (CognitoAuthException e) {
            return refused(e);
        }
    }

    /** {@code POST /api/passkeys}: the credential the browser made (WebAuthn JSON form); 204 once Cognito keeps it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String credentialJson) {
        try {
            auth.completeWebAuthnRegistration(credentialJson);
            return Response.noContent().build();
        } catch (CognitoAuthException e) {
            return refused(e);
        }
    }

    private static Response refused(CognitoAuthException e) {
        int status = switch (e.error()) {
            case SERVICE_UNAVAILABLE -> 503;
            case NOT_SIGNED_IN -> 401;
            default -> 400;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.error().name())
                        .add("message", Messages.error(e.error().name())).build().toString())
                .build();
    }
}
