package dev.cognitoee.it.rootapp;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** A browser application deployed at the root context, where "//host/..." paths reach it. */
@CognitoAuthenticationMechanismDefinition(loginPage = "/login.html", errorPage = "/login.html")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class RootSecurityConfig {
}
