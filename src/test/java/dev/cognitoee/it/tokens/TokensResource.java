package dev.cognitoee.it.tokens;

import dev.cognitoee.AuthSession;
import dev.cognitoee.AuthTokens;
import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.JWT;
import dev.cognitoee.spi.TokenProvider;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * What a bean that calls a token-protected API sees: the token provider in use ({@code @Inject @Cognito
 * TokenProvider}) and {@code AuthSession.tokens()}, reported as a few claims of each token, never the tokens.
 */
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    @Cognito
    TokenProvider tokens;

    @Inject
    CognitoAuth auth;

    /** What the provider in use gives now; {@code forceRefresh} is passed on. */
    @GET
    @Path("provider")
    public Response provider(@QueryParam("forceRefresh") boolean forceRefresh) {
        return answer(() -> describe(tokens.getTokens(forceRefresh)).build());
    }

    /** {@code fetchAuthSession()}: its tokens, and the AWS identity and access key when there are credentials. */
    @GET
    @Path("session")
    public Response session() {
        return answer(() -> {
            AuthSession session = auth.fetchAuthSession();
            JsonObjectBuilder out = describe(Optional.ofNullable(session.tokens()))
                    .add("isSignedIn", session.isSignedIn());
            if (session.userSub() != null) {
                out.add("userSub", session.userSub());
            }
            if (session.identityId() != null) {
                out.add("identityId", session.identityId()).add("accessKeyId", session.credentials().accessKeyId());
            }
            return out.build();
        });
    }

    private static JsonObjectBuilder describe(Optional<AuthTokens> given) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("present", given.isPresent());
        given.ifPresent(tokens -> {
            if (tokens.accessToken() != null) {
                out.add("access", claims(tokens.accessToken()));
            }
            if (tokens.idToken() != null) {
                out.add("id", claims(tokens.idToken()));
            }
        });
        return out;
    }

    /** The claims a test checks, and the header's {@code kid}: never the token itself. */
    private static JsonObject claims(JWT token) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("kid", token.header().getString("kid", ""))
                .add("iss", token.issuer()).add("sub", token.subject())
                .add("jti", token.payload().getString("jti", ""))
                .add("token_use", token.payload().getString("token_use", ""))
                .add("username", token.payload().getString("username",
                        token.payload().getString("cognito:username", "")));
        if (token.payload().containsKey("aud")) {
            out.add("aud", token.payload().get("aud"));
        }
        return out.build();
    }

    private static Response answer(java.util.function.Supplier<JsonObject> call) {
        try {
            return Response.ok(call.get()).build();
        } catch (CognitoAuthException e) {
            int status = e.error() == dev.cognitoee.AuthError.NOT_SIGNED_IN
                    || e.error() == dev.cognitoee.AuthError.NOT_AUTHORIZED ? 401 : 400;
            return Response.status(status).entity(Json.createObjectBuilder().add("error", e.error().name())
                    .add("message", e.getMessage()).build()).build();
        }
    }
}
