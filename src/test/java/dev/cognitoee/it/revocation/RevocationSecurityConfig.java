package dev.cognitoee.it.revocation;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the module on; the pool and cognito.revocation-check come from microprofile-config.properties. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class RevocationSecurityConfig {
}
