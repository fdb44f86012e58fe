package dev.cognitoee.it.realaws.app;

import dev.cognitoee.AuthError;
import dev.cognitoee.AuthSession;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the real-AWS suite calls: who the caller is (bearer or session), sign-in, a forced refresh, sign-out, and S3
 * with the caller's identity-pool credentials. Tokens never leave the server: a session's access token is shown
 * only as a fingerprint, so that the suite can see a refresh replace it.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class RealAwsResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    CognitoAuth auth;

    @Inject
    UserFolder folder;

    @GET
    @Path("caller")
    @RolesAllowed("user")
    public JsonObject caller() {
        return Json.createObjectBuilder().add("name", jwt.getName())
                .add("groups", Json.createArrayBuilder(jwt.getGroups())).build();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin area of " + jwt.getName();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(JsonObject in) {
        return call(() -> Json.createObjectBuilder().add("isSignedIn",
                auth.signIn(in.getString("username"), in.getString("password")).isSignedIn()).build());
    }

    @GET
    @Path("session")
    public Response session() {
        return call(() -> describe(auth.fetchAuthSession()));
    }

    @POST
    @Path("refresh")
    public Response refresh() {
        return call(() -> describe(auth.fetchAuthSession(true)));
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return call(() -> {
            auth.signOut();
            return Json.createObjectBuilder().add("signedOut", true).build();
        });
    }

    /** Stores {@code content} as {@code name} in the caller's own folder, {@code private/<identity id>/}. */
    @PUT
    @Path("files/{name}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response put(@PathParam("name") String name, String content) {
        return call(() -> Json.createObjectBuilder().add("stored", folder.put(identityId(), name, content)).build());
    }

    @GET
    @Path("files/{name}")
    public Response get(@PathParam("name") String name) {
        return call(() -> Json.createObjectBuilder().add("content", folder.get(identityId(), name)).build());
    }

    /** Stores under any key of the bucket: the identity pool's role must refuse keys outside the caller's folder. */
    @PUT
    @Path("any-key/{key: .+}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response putAnywhere(@PathParam("key") String key, String content) {
        return call(() -> {
            folder.putKey(key, content);
            return Json.createObjectBuilder().add("stored", key).build();
        });
    }

    private String identityId() {
        String identityId = auth.fetchAuthSession().identityId();
        if (identityId == null) {
            throw new CognitoAuthException(AuthError.NOT_SIGNED_IN, "nobody is signed in");
        }
        return identityId;
    }

    private static JsonObject describe(AuthSession session) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", session.isSignedIn());
        if (session.isSignedIn()) {
            out.add("username", session.username()).add("accessToken", fingerprint(session.accessToken()));
        }
        if (session.identityId() != null) {
            out.add("identityId", session.identityId()).add("accessKeyId", session.credentials().accessKeyId());
        }
        return out.build();
    }

    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a call, answering the module's and S3's refusals as JSON (never a 500 with a stack trace). */
    private static Response call(Supplier<JsonObject> call) {
        try {
            return Response.ok(call.get()).build();
        } catch (CognitoAuthException e) {
            int status = switch (e.error()) {
                case NOT_SIGNED_IN, NOT_AUTHORIZED -> 401;
                case SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS -> 503;
                default -> 400;
            };
            return Response.status(status).entity(Json.createObjectBuilder().add("error", e.error().name()).build())
                    .build();
        } catch (S3Exception e) {
            return Response.status(502).entity(Json.createObjectBuilder().add("s3Status", e.statusCode())
                    .add("s3Error", String.valueOf(e.awsErrorDetails().errorCode())).build()).build();
        }
    }
}
