package dev.cognitoee.it.container;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

/** What a resource tells about its caller: who (empty when anonymous), and whether an HTTP session exists. */
final class Caller {

    private Caller() {
    }

    static JsonObject of(String resource, SecurityContext security, HttpServletRequest request) {
        return Json.createObjectBuilder()
                .add("resource", resource)
                .add("caller", security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName())
                .add("session", request.getSession(false) != null)
                .build();
    }
}
