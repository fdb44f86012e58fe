package dev.cognitoee.it.cluster;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The cluster test WAR's REST API, under {@code /api}. */
@ApplicationPath("api")
public class ClusterApi extends Application {
}
