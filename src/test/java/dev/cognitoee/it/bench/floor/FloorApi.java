package dev.cognitoee.it.bench.floor;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark app with the {@link FloorMechanism}: what the container costs with no token work at all. */
@DeclareRoles({"admin", "user"})
@ApplicationPath("api")
public class FloorApi extends Application {
}
