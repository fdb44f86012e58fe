package dev.cognitoee.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/admin/activity}: the server's recent sign-in activity, for the {@code admin} group only. */
@Path("admin/activity")
@RolesAllowed(DemoRoles.ADMIN)
public class ActivityResource {

    @Inject
    RecentActivity activity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray activity() {
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (RecentActivity.Entry entry : activity.entries()) {
            entries.add(Json.createObjectBuilder()
                    .add("at", entry.getAt().toString())
                    .add("username", entry.getUsername() == null ? "" : entry.getUsername())
                    .add("what", entry.getWhat()));
        }
        return entries.build();
    }
}
