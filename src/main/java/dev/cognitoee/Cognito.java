package dev.cognitoee;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies what the module produces for the current caller:
 * {@code @Inject @Cognito AwsCredentialsProvider aws} gives the caller's temporary AWS credentials from the
 * identity pool, resolved anew on each {@code resolveCredentials()} (safe in an {@code @ApplicationScoped} bean).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Cognito {
}
