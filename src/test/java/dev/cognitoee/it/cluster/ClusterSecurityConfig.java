package dev.cognitoee.it.cluster;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Cognito EE on in the cluster test WAR; the pool's settings come from its microprofile-config.properties. */
@CognitoAuthenticationMechanismDefinition(tokenUse = "access", groupsClaim = "cognito:groups")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class ClusterSecurityConfig {
}
