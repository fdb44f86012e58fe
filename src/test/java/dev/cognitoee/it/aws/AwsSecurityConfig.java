package dev.cognitoee.it.aws;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** An application whose users call S3 with their own identity-pool credentials; settings in MicroProfile Config. */
@CognitoAuthenticationMechanismDefinition
@DeclareRoles({"admin", "user"})
@ApplicationScoped
public class AwsSecurityConfig {
}
