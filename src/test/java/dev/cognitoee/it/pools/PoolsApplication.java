package dev.cognitoee.it.pools;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class PoolsApplication extends Application {
}
