package dev.cognitoee.it.container;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Cognito EE on; each WAR's microprofile-config.properties sets the pool and the setting under test. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class ContainerSecurityConfig {
}
