package dev.cognitoee.it.kit;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class KitApplication extends Application {
}
