package dev.cognitoee.it.account;

import dev.cognitoee.AuthSession;
import dev.cognitoee.AuthUser;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignUpResult;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account API of the module exposed as JSON endpoints, the way an application would. */
@Path("account")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    CognitoAuth auth;

    @Inject
    SecurityContext securityContext;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Path("sign-up")
    public JsonObject signUp(JsonObject in) {
        SignUpResult result = auth.signUp(in.getString("username"), in.getString("password"),
                Map.of("email", in.getString("email")), metadata(in), in.getBoolean("autoSignIn", false));
        JsonObjectBuilder out = Json.createObjectBuilder()
                .add("isSignUpComplete", result.isSignUpComplete())
                .add("nextStep", result.nextStep().name())
                .add("isSignedIn", result.isSignedIn());
        if (result.userId() != null) {
            out.add("userId", result.userId());
        }
        if (result.codeDeliveryDetails() != null && result.codeDeliveryDetails().deliveryMedium() != null) {
            out.add("deliveryMedium", result.codeDeliveryDetails().deliveryMedium());
        }
        return out.build();
    }

    @POST
    @Path("confirm-sign-up")
    public JsonObject confirmSignUp(JsonObject in) {
        SignUpResult result = auth.confirmSignUp(in.getString("username"), in.getString("code"), metadata(in));
        return Json.createObjectBuilder().add("isSignUpComplete", result.isSignUpComplete()).build();
    }

    @POST
    @Path("sign-in")
    public JsonObject signIn(JsonObject in) {
        return result(auth.signIn(in.getString("username"), in.getString("password"), metadata(in)));
    }

    @POST
    @Path("confirm-sign-in")
    public JsonObject confirmSignIn(JsonObject in) {
        return result(auth.confirmSignIn(in.getString("answer"), Map.of(), metadata(in)));
    }

    @POST
    @Path("reset-password")
    public JsonObject resetPassword(JsonObject in) {
        var result = auth.resetPassword(in.getString("username"), metadata(in));
        return Json.createObjectBuilder().add("isPasswordReset", result.isPasswordReset()).build();
    }

    @POST
    @Path("confirm-reset-password")
    public JsonObject confirmResetPassword(JsonObject in) {
        auth.confirmResetPassword(in.getString("username"), in.getString("password"), in.getString("code"),
                metadata(in));
        return Json.createObjectBuilder().add("done", true).build();
    }

    @POST
    @Path("update-attributes")
    public JsonObject updateAttributes(JsonObject in) {
        Map<String, String> attributes = new LinkedHashMap<>();
        in.getJsonObject("attributes").forEach((k, v) -> attributes.put(k, ((JsonString) v).getString()));
        JsonObjectBuilder out = Json.createObjectBuilder();
        auth.updateUserAttributes(attributes, metadata(in)).forEach((name, result) ->
                out.add(name, result.isUpdated() ? "updated" : "confirm with code"));
        return out.build();
    }

    @GET
    @Path("attributes")
    public JsonObject attributes() {
        JsonObjectBuilder out = Json.createObjectBuilder();
        auth.fetchUserAttributes().forEach(out::add);
        return out.build();
    }

    @POST
    @Path("sign-out")
    public JsonObject signOut(JsonObject in) {
        auth.signOut(in.getBoolean("global", false));
        return Json.createObjectBuilder().add("signedOut", true).build();
    }

    @GET
    @Path("session")
    public JsonObject session() {
        AuthSession session = auth.fetchAuthSession();
        JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", session.isSignedIn());
        if (session.isSignedIn()) {
            out.add("username", session.username()).add("userSub", session.userSub())
                    .add("expiresAt", session.expiresAt().getEpochSecond());
        }
        return out.build();
    }

    @GET
    @Path("current-user")
    public JsonObject currentUser() {
        AuthUser user = auth.getCurrentUser();
        return Json.createObjectBuilder().add("username", user.username()).add("userId", user.userId()).build();
    }

    /** Jakarta Security's programmatic sign-in, which goes through the module's identity store. */
    @POST
    @Path("authenticate")
    public JsonObject authenticate(JsonObject in) {
        AuthenticationStatus status = securityContext.authenticate(request, response, AuthenticationParameters
                .withParams().credential(new UsernamePasswordCredential(in.getString("username"),
                        in.getString("password"))));
        JsonObjectBuilder out = Json.createObjectBuilder().add("status", status.name());
        if (securityContext.getCallerPrincipal() != null) {
            out.add("caller", securityContext.getCallerPrincipal().getName())
                    .add("isUser", securityContext.isCallerInRole("user"));
        }
        return out.build();
    }

    private static JsonObject result(SignInResult result) {
        return Json.createObjectBuilder().add("isSignedIn", result.isSignedIn())
                .add("nextStep", result.nextStep().signInStep().name()).build();
    }

    private static Map<String, String> metadata(JsonObject in) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonValue value = in.get("clientMetadata");
        if (value instanceof JsonObject object) {
            object.forEach((k, v) -> metadata.put(k, ((JsonString) v).getString()));
        }
        return metadata;
    }
}
