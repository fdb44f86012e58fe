package dev.cognitoee.it.lifecycle;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class LifecycleApplication extends Application {
}
