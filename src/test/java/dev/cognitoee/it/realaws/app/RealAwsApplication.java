package dev.cognitoee.it.realaws.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The real-AWS suite's JSON API, under {@code /api}. */
@ApplicationPath("api")
public class RealAwsApplication extends Application {
}
