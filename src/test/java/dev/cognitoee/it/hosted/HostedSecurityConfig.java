package dev.cognitoee.it.hosted;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A browser application that signs users in through the hosted UI; the pool's and the hosted UI's settings come
 * from microprofile-config.properties (the callback URL depends on the test's port).
 */
@CognitoAuthenticationMechanismDefinition(signIn = "hosted-ui")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class HostedSecurityConfig {
}
