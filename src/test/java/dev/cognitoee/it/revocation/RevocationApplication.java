package dev.cognitoee.it.revocation;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class RevocationApplication extends Application {
}
