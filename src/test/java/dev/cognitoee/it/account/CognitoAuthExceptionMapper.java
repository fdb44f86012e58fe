package dev.cognitoee.it.account;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What an application typically does with the typed outcomes: a status and the message for the user. */
@Provider
public class CognitoAuthExceptionMapper implements ExceptionMapper<CognitoAuthException> {

    @Override
    public Response toResponse(CognitoAuthException e) {
        int status = e.error() == AuthError.SERVICE_UNAVAILABLE ? 503
                : e.error() == AuthError.NOT_AUTHORIZED || e.error() == AuthError.NOT_SIGNED_IN ? 401 : 400;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.error().name()).add("message", e.getMessage())
                        .build())
                .build();
    }
}
