package dev.cognitoee.it.lifecycle;

import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The calls that make the module build and use both of its SDK clients: a sign-in (the user pool's) and the
 * caller's AWS credentials (the identity pool's).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TrafficResource {

    @Inject
    CognitoAuth auth;

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject signIn(JsonObject in) {
        return Json.createObjectBuilder().add("isSignedIn",
                auth.signIn(in.getString("username"), in.getString("password")).isSignedIn()).build();
    }

    /** The signed-in caller's access key id (never the secret). */
    @GET
    @Path("aws-identity")
    public JsonObject awsIdentity() {
        return Json.createObjectBuilder().add("accessKeyId", credentials.resolveCredentials().accessKeyId()).build();
    }
}
