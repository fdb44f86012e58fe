package dev.cognitoee.it.account;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api")
public class AccountApplication extends Application {
}
