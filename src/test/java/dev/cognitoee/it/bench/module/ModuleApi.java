package dev.cognitoee.it.bench.module;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark app protected by Cognito EE; the pool comes from the WAR's microprofile-config.properties. */
@CognitoAuthenticationMechanismDefinition(tokenUse = "access", groupsClaim = "cognito:groups")
@DeclareRoles({"admin", "user"})
@ApplicationScoped
@ApplicationPath("api")
public class ModuleApi extends Application {
}
