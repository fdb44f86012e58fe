package dev.cognitoee.it.account;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The events observed for one user (test support, open to all). */
@Path("events/{username}")
public class EventsResource {

    @Inject
    EventLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject events(@PathParam("username") String username) {
        return Json.createObjectBuilder()
                .add("sync", Json.createArrayBuilder(log.events(username)))
                .add("async", Json.createArrayBuilder(log.asyncEvents(username)))
                .build();
    }
}
