package dev.cognitoee.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API under {@code /api}, for callers with a Cognito access token ({@code Authorization: Bearer}). */
@ApplicationPath("api")
public class DemoApi extends Application {
}
