package dev.cognitoee.demo;

import jakarta.json.Json;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's 403 (a caller without the role of a {@code @RolesAllowed} resource) as JSON. Without a body, the
 * server would send the pages' HTML error page to API clients.
 */
@Provider
public class ForbiddenAsJson implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException exception) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("error", "forbidden")
                        .add("message", "The caller is not in a group this resource allows.")
                        .build())
                .build();
    }
}
