package dev.cognitoee.it.account;

import dev.cognitoee.AuthSession;
import dev.cognitoee.CodeDeliveryDetails;
import dev.cognitoee.CognitoAuth;
import dev.cognitoee.UpdateUserAttributeResult;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account-lifecycle calls of the module as JSON endpoints: deleting the account and attributes, attribute codes,
 * the password, a forced session refresh and a resent sign-up code. JSON {@code null} is passed on as Java null, so
 * that the tests can send what a careless client would.
 */
@Path("lifecycle")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    @Inject
    CognitoAuth auth;

    @POST
    @Path("delete-user")
    public JsonObject deleteUser() {
        auth.deleteUser();
        return Json.createObjectBuilder().add("deleted", true).build();
    }

    @POST
    @Path("delete-attributes")
    public JsonObject deleteAttributes(JsonObject in) {
        List<String> names = new ArrayList<>();
        in.getJsonArray("names").forEach(v -> names.add(v instanceof JsonString s ? s.getString() : null));
        auth.deleteUserAttributes(names);
        return Json.createObjectBuilder().add("deleted", true).build();
    }

    @POST
    @Path("send-attribute-code")
    public JsonObject sendAttributeCode(JsonObject in) {
        return delivery(Json.createObjectBuilder(),
                auth.sendUserAttributeVerificationCode(string(in, "name"), metadata(in))).build();
    }

    @POST
    @Path("update-attribute")
    public JsonObject updateAttribute(JsonObject in) {
        return result(auth.updateUserAttribute(string(in, "name"), string(in, "value"), metadata(in)));
    }

    @POST
    @Path("update-attributes")
    public JsonObject updateAttributes(JsonObject in) {
        Map<String, String> attributes = new LinkedHashMap<>();
        in.getJsonObject("attributes").forEach((k, v) -> attributes.put(k, ((JsonString) v).getString()));
        JsonObjectBuilder out = Json.createObjectBuilder();
        auth.updateUserAttributes(attributes, metadata(in)).forEach((name, result) -> out.add(name, result(result)));
        return out.build();
    }

    @POST
    @Path("confirm-attribute")
    public JsonObject confirmAttribute(JsonObject in) {
        auth.confirmUserAttribute(string(in, "name"), string(in, "code"));
        return Json.createObjectBuilder().add("confirmed", true).build();
    }

    @POST
    @Path("update-password")
    public JsonObject updatePassword(JsonObject in) {
        auth.updatePassword(string(in, "oldPassword"), string(in, "newPassword"));
        return Json.createObjectBuilder().add("updated", true).build();
    }

    @POST
    @Path("resend-sign-up-code")
    public JsonObject resendSignUpCode(JsonObject in) {
        return delivery(Json.createObjectBuilder(), auth.resendSignUpCode(string(in, "username"), metadata(in)))
                .build();
    }

    @GET
    @Path("session")
    public JsonObject session(@QueryParam("forceRefresh") boolean forceRefresh) {
        AuthSession session = auth.fetchAuthSession(forceRefresh);
        JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", session.isSignedIn());
        if (session.isSignedIn()) {
            out.add("username", session.username()).add("expiresAt", session.expiresAt().getEpochSecond());
        }
        return out.build();
    }

    private static JsonObject result(UpdateUserAttributeResult result) {
        JsonObjectBuilder out = Json.createObjectBuilder().add("isUpdated", result.isUpdated())
                .add("updateAttributeStep", result.updateAttributeStep().name());
        return delivery(out, result.codeDeliveryDetails()).build();
    }

    private static JsonObjectBuilder delivery(JsonObjectBuilder out, CodeDeliveryDetails details) {
        if (details == null) {
            return out.add("codeDeliveryDetails", JsonValue.NULL);
        }
        JsonObjectBuilder delivery = Json.createObjectBuilder();
        put(delivery, "destination", details.destination());
        put(delivery, "deliveryMedium", details.deliveryMedium());
        put(delivery, "attributeName", details.attributeName());
        return out.add("codeDeliveryDetails", delivery);
    }

    private static void put(JsonObjectBuilder out, String name, String value) {
        if (value != null) {
            out.add(name, value);
        }
    }

    private static String string(JsonObject in, String name) {
        return in.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static Map<String, String> metadata(JsonObject in) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (in.get("clientMetadata") instanceof JsonObject object) {
            object.forEach((k, v) -> metadata.put(k, ((JsonString) v).getString()));
        }
        return metadata;
    }
}
