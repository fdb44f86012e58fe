package dev.cognitoee.it.aws;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class AwsApplication extends Application {
}
