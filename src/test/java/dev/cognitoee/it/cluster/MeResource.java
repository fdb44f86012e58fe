package dev.cognitoee.it.cluster;

import dev.cognitoee.Cognito;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A protected resource that says which node answered and who the caller is: a plain authenticated read, which
 * touches the session only to read it.
 */
@Path("me")
@RequestScoped
@RolesAllowed("user")
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    HttpServletRequest request;

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("node", ThisNode.name())
                .add("caller", jwt.getName())
                .add("subject", jwt.getSubject())
                .add("exp", jwt.getExpirationTime()) // the access token's: when a refresh is due
                .build();
    }

    /** Whose AWS credentials this request gets (the caller's identity pool credentials): their access key only. */
    @GET
    @Path("aws-identity")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject awsIdentity() {
        return Json.createObjectBuilder()
                .add("node", ThisNode.name())
                .add("accessKeyId", credentials.resolveCredentials().accessKeyId())
                .build();
    }

    /**
     * The caller's session as Java serialization writes it, attribute by attribute (bytes each), and in all: what
     * Payara's replication serializes to put the session in the grid, less its own few fields (id, times).
     */
    @GET
    @Path("session-bytes")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject sessionBytes() throws IOException {
        HttpSession session = request.getSession(false);
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        long total = 0;
        for (String name : Collections.list(session.getAttributeNames())) {
            int size = serializedSize(session.getAttribute(name));
            attributes.add(name, size);
            total += size;
        }
        return Json.createObjectBuilder().add("node", ThisNode.name()).add("attributes", attributes)
                .add("total", total).build();
    }

    private static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }

    /** Puts a {@link GridWriteProbe} in the caller's session (a write of the application's own), once. */
    @POST
    @Path("probe")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject probe() {
        request.getSession(false).setAttribute(GridWriteProbe.ATTRIBUTE, new GridWriteProbe());
        return me();
    }
}
