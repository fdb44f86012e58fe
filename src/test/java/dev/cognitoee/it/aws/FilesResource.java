package dev.cognitoee.it.aws;

import dev.cognitoee.AuthSession;
import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthException;
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
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What a "my files" page does: S3 as the caller, plus the session and federation calls the tests need. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    @Inject
    UserFiles files;

    @Inject
    CognitoAuth auth;

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @PUT
    @Path("files/{key: .+}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response put(@PathParam("key") String key, String content) {
        return s3(() -> {
            files.put(key, content);
            return Json.createObjectBuilder().add("stored", key).build();
        });
    }

    @GET
    @Path("files/{key: .+}")
    public Response get(@PathParam("key") String key) {
        return s3(() -> Json.createObjectBuilder().add("content", files.get(key)).build());
    }

    /** Who the session is, without any AWS call. */
    @GET
    @Path("caller")
    public JsonObject caller(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        return Json.createObjectBuilder().add("name", security.getUserPrincipal().getName()).build();
    }

    /** Whose AWS credentials this request gets: their access key (never the secret). */
    @GET
    @Path("aws-identity")
    public Response awsIdentity() {
        return s3(() -> Json.createObjectBuilder()
                .add("accessKeyId", credentials.resolveCredentials().accessKeyId()).build());
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject signIn(JsonObject in) {
        return Json.createObjectBuilder().add("isSignedIn",
                auth.signIn(in.getString("username"), in.getString("password")).isSignedIn()).build();
    }

    @POST
    @Path("sign-out")
    public JsonObject signOut() {
        auth.signOut();
        return Json.createObjectBuilder().add("signedOut", true).build();
    }

    /** The application ends the session itself, as a session timeout would. */
    @POST
    @Path("invalidate")
    public JsonObject invalidate(@jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Json.createObjectBuilder().add("invalidated", session != null).build();
    }

    @POST
    @Path("federated-login")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject federatedLogin(JsonObject in) {
        auth.loadFederatedLogin(in.getString("provider"), in.getString("token"));
        return Json.createObjectBuilder().add("loaded", in.getString("provider")).build();
    }

    @GET
    @Path("session")
    public Response session() {
        return s3(() -> {
            AuthSession session = auth.fetchAuthSession();
            JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", session.isSignedIn());
            if (session.identityId() != null) {
                out.add("identityId", session.identityId())
                        .add("accessKeyId", session.credentials().accessKeyId());
            }
            return out.build();
        });
    }

    /** Runs an S3 or credentials call and reports failures as the application would. */
    private static Response s3(java.util.function.Supplier<JsonObject> call) {
        try {
            return Response.ok(call.get()).build();
        } catch (CognitoAuthException e) {
            int status = switch (e.error()) {
                case NOT_SIGNED_IN, NOT_AUTHORIZED -> 401;
                case SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS -> 503; // Cognito's outage or throttling: try later
                default -> 400;
            };
            Response.ResponseBuilder response = Response.status(status);
            if (status == 503) {
                response.header("Retry-After", "5");
            }
            return response.entity(Json.createObjectBuilder().add("error", e.error().name())
                    .add("message", e.getMessage()).build()).build();
        } catch (S3Exception e) {
            return Response.status(502).entity(Json.createObjectBuilder().add("s3Status", e.statusCode())
                    .add("s3Error", String.valueOf(e.awsErrorDetails().errorCode())).build()).build();
        }
    }
}
