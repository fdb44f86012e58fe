package dev.cognitoee.it.pools;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns Cognito EE on; the default pool and the other trusted issuers come from MicroProfile Config only. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class PoolsSecurityConfig {
}
