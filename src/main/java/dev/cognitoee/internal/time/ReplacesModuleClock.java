package dev.cognitoee.internal.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks an application's {@link java.time.Clock} bean that the module uses instead of the system clock: the
 * integration tests deploy a clock they move, so that tokens and credentials expire without waiting. Not API: a
 * second qualifier beside {@link ModuleClock} because the module's beans cannot see an application's beans on
 * Payara, so the extension hands the replacement over as the {@code @ModuleClock} bean (as it does the credentials
 * provider).
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface ReplacesModuleClock {
}
