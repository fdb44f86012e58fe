package dev.cognitoee.it.container;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class ContainerApi extends Application {
}
