package dev.cognitoee.it.realaws.app;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns the module on; the pool's settings come from the system properties the suite boots Payara with. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class RealAwsSecurity {
}
