package dev.cognitoee.it.mfa;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.FetchMfaPreferenceResult;
import dev.cognitoee.MfaPreference;
import dev.cognitoee.SignInResult;
import dev.cognitoee.TotpSetupDetails;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The MFA self-service calls of the module as JSON endpoints, the way an application would expose them. */
@Path("mfa")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MfaResource {

    @Inject
    CognitoAuth auth;

    @GET
    @Path("preference")
    public JsonObject preference() {
        FetchMfaPreferenceResult result = auth.fetchMFAPreference();
        JsonArrayBuilder enabled = Json.createArrayBuilder();
        result.enabled().forEach(type -> enabled.add(type.name()));
        JsonObjectBuilder out = Json.createObjectBuilder().add("enabled", enabled);
        if (result.preferred() != null) {
            out.add("preferred", result.preferred().name());
        }
        return out.build();
    }

    @POST
    @Path("preference")
    public JsonObject updatePreference(JsonObject in) {
        auth.updateMFAPreference(preference(in, "sms"), preference(in, "totp"), preference(in, "email"));
        return preference();
    }

    @POST
    @Path("totp/setup")
    public JsonObject setUpTotp() {
        TotpSetupDetails details = auth.setUpTOTP();
        return Json.createObjectBuilder().add("sharedSecret", details.sharedSecret())
                .add("setupUri", details.getSetupUri("Cognito EE tests").toString()).build();
    }

    @POST
    @Path("totp/verify")
    public JsonObject verifyTotp(JsonObject in) {
        auth.verifyTOTPSetup(in.getString("code", null), in.getString("deviceName", null));
        return Json.createObjectBuilder().add("verified", true).build();
    }

    /** confirmSignIn, with the authenticator's secret when the next step is to set one up. */
    @POST
    @Path("confirm-sign-in")
    public JsonObject confirmSignIn(JsonObject in) {
        SignInResult result = auth.confirmSignIn(in.getString("answer"));
        JsonObjectBuilder out = Json.createObjectBuilder().add("isSignedIn", result.isSignedIn())
                .add("nextStep", result.nextStep().signInStep().name());
        if (result.nextStep().totpSetupDetails() != null) {
            out.add("sharedSecret", result.nextStep().totpSetupDetails().sharedSecret());
        }
        return out.build();
    }

    private static MfaPreference preference(JsonObject in, String type) {
        return in.containsKey(type) ? MfaPreference.valueOf(in.getString(type)) : null;
    }
}
