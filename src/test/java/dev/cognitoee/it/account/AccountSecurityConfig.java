package dev.cognitoee.it.account;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** A browser application: sign-in page, error page; the pool's settings come from microprofile-config.properties. */
@CognitoAuthenticationMechanismDefinition(loginPage = "/login.html", errorPage = "/login.html")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class AccountSecurityConfig {
}
