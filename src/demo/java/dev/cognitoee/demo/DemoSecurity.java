package dev.cognitoee.demo;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the module on. The pool's settings ({@code cognito.region}, {@code cognito.user-pool-id},
 * {@code cognito.client-id}, ...) come from MicroProfile Config: system properties or environment variables, so that
 * the same WAR runs against the local stand-ins and against a real pool. Roles are the caller's Cognito groups.
 */
@CognitoAuthenticationMechanismDefinition(loginPage = "/login", errorPage = "/login")
@DeclareRoles({DemoRoles.ADMIN, DemoRoles.USER})
@ApplicationScoped
public class DemoSecurity {
}
