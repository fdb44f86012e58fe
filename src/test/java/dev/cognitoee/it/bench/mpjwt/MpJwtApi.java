package dev.cognitoee.it.bench.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The benchmark app on Payara's own MicroProfile JWT, the comparison a Payara user has today; its key location and
 * issuer are in the WAR's microprofile-config.properties, its Cognito switches in payara-mp-jwt.properties.
 * A CDI bean ({@code @ApplicationScoped}): Payara looks for {@code @LoginConfig} on beans only, and an empty
 * beans.xml discovers annotated classes only (CDI 4).
 */
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"admin", "user"})
@ApplicationPath("api")
public class MpJwtApi extends Application {
}
