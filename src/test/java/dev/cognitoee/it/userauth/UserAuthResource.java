package dev.cognitoee.it.userauth;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.SignInNextStep;
import dev.cognitoee.SignInOptions;
import dev.cognitoee.SignInResult;
import dev.cognitoee.SignUpResult;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom auth, choice-based sign-in and auto sign-in exposed as JSON endpoints, as an application would: the next
 * step with what its page shows (the challenge's parameters, the factors to choose from, where a code went).
 */
@Path("user-auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserAuthResource {

    @Inject
    CognitoAuth auth;

    @POST
    @Path("sign-in")
    public JsonObject signIn(JsonObject in) {
        SignInOptions options = new SignInOptions(SignInOptions.AuthFlowType.valueOf(in.getString("flow")),
                in.getString("preferredChallenge", null), metadata(in));
        return result(auth.signIn(in.getString("username"), in.getString("password", null), options));
    }

    @POST
    @Path("confirm-sign-in")
    public JsonObject confirmSignIn(JsonObject in) {
        return result(auth.confirmSignIn(in.getString("answer"), Map.of(), metadata(in)));
    }

    @POST
    @Path("sign-up")
    public JsonObject signUp(JsonObject in) {
        return signUpResult(auth.signUp(in.getString("username"), in.getString("password"),
                Map.of("email", in.getString("email")), Map.of(), in.getBoolean("autoSignIn", false)));
    }

    @POST
    @Path("confirm-sign-up")
    public JsonObject confirmSignUp(JsonObject in) {
        return signUpResult(auth.confirmSignUp(in.getString("username"), in.getString("code")));
    }

    @POST
    @Path("auto-sign-in")
    public JsonObject autoSignIn() {
        return result(auth.autoSignIn());
    }

    private static JsonObject signUpResult(SignUpResult result) {
        return Json.createObjectBuilder().add("isSignUpComplete", result.isSignUpComplete())
                .add("nextStep", result.nextStep().name()).add("isSignedIn", result.isSignedIn()).build();
    }

    private static JsonObject result(SignInResult result) {
        SignInNextStep step = result.nextStep();
        JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", result.isSignedIn())
                .add("nextStep", step.signInStep().name())
                .add("availableChallenges", Json.createArrayBuilder(step.availableChallenges()));
        JsonObjectBuilder info = Json.createObjectBuilder();
        step.additionalInfo().forEach(info::add);
        out.add("additionalInfo", info);
        if (step.codeDeliveryDetails() != null) {
            out.add("deliveryMedium", step.codeDeliveryDetails().deliveryMedium())
                    .add("destination", step.codeDeliveryDetails().destination());
        }
        if (step.credentialRequestOptions() != null) {
            out.add("credentialRequestOptions", step.credentialRequestOptions());
        }
        return out.build();
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
