package dev.cognitoee.it.device;

import dev.cognitoee.AuthDevice;
import dev.cognitoee.CognitoAuth;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The module's device calls exposed as JSON endpoints, the way an application would. */
@Path("devices")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    @Inject
    CognitoAuth auth;

    @GET
    public JsonArray fetchDevices() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (AuthDevice device : auth.fetchDevices()) {
            var item = Json.createObjectBuilder().add("id", device.id())
                    .add("attributes", Json.createObjectBuilder(
                            new java.util.HashMap<String, Object>(device.attributes())));
            if (device.name() != null) {
                item.add("name", device.name());
            }
            if (device.createDate() != null) {
                item.add("createDate", device.createDate().toString());
            }
            if (device.lastAuthenticatedDate() != null) {
                item.add("lastAuthenticatedDate", device.lastAuthenticatedDate().toString());
            }
            out.add(item);
        }
        return out.build();
    }

    @POST
    @Path("remember")
    public JsonObject rememberDevice() {
        auth.rememberDevice();
        return Json.createObjectBuilder().add("remembered", true).build();
    }

    @POST
    @Path("forget")
    public JsonObject forgetDevice(JsonObject in) {
        auth.forgetDevice(in.getString("deviceKey", null));
        return Json.createObjectBuilder().add("forgotten", true).build();
    }
}
