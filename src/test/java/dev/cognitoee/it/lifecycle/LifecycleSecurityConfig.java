package dev.cognitoee.it.lifecycle;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The application deployed and undeployed in a loop: settings (an identity pool among them) in MicroProfile Config. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class LifecycleSecurityConfig {
}
