package dev.cognitoee.it.app;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Cognito EE on; the pool's settings come from the WAR's microprofile-config.properties (Config wins). */
@CognitoAuthenticationMechanismDefinition(tokenUse = "access", groupsClaim = "cognito:groups")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class SecurityConfig {
}
