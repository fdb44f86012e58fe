package dev.cognitoee.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reports what each API of the platform sees of the caller. */
@Path("caller")
@RequestScoped
@RolesAllowed({"user", "admin"})
public class CallerResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    SecurityContext securityContext;

    @Context
    jakarta.ws.rs.core.SecurityContext jaxrs;

    @Inject
    HttpServletRequest servletRequest;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject caller() {
        return Json.createObjectBuilder()
                .add("jaxrsName", jaxrs.getUserPrincipal().getName())
                .add("securityName", securityContext.getCallerPrincipal().getName())
                .add("principalIsJwt", securityContext.getCallerPrincipal() instanceof JsonWebToken)
                .add("principalType", securityContext.getCallerPrincipal().getClass().getName())
                .add("jwtPrincipals", Json.createArrayBuilder(securityContext.getPrincipalsByType(JsonWebToken.class)
                        .stream().map(token -> token.getName() + " " + token.getRawToken().length()).toList()))
                .add("servletPrincipalIsJwt", servletRequest.getUserPrincipal() instanceof JsonWebToken)
                .add("jaxrsPrincipalIsJwt", jaxrs.getUserPrincipal() instanceof JsonWebToken)
                .add("jaxrsAdmin", jaxrs.isUserInRole("admin"))
                .add("securityAdmin", securityContext.isCallerInRole("admin"))
                .add("securityUser", securityContext.isCallerInRole("user"))
                .add("jwtName", jwt.getName())
                .add("jwtGroups", Json.createArrayBuilder(jwt.getGroups()))
                .add("jwtSubject", jwt.getSubject())
                .add("jwtIssuer", jwt.getIssuer())
                .add("jwtExpiration", jwt.getExpirationTime())
                .add("jwtTokenUse", (String) jwt.getClaim("token_use"))
                .add("jwtClientId", (String) jwt.getClaim("client_id"))
                .add("jwtRawTokenLength", jwt.getRawToken().length())
                .build();
    }
}
