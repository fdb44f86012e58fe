package dev.cognitoee.internal.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The module's one {@link java.time.Clock}: every "now" of the module (token expiry, refresh due, credentials
 * freshness, cache expiry, event timestamps) comes from the {@code Clock} bean of this qualifier. Qualified, so that
 * it never clashes with an application's own {@code Clock} bean. The CDI extension adds the bean: the system UTC
 * clock, or the application's {@link ReplacesModuleClock} clock when there is one.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface ModuleClock {

    /** The qualifier as a value. */
    final class Literal extends AnnotationLiteral<ModuleClock> implements ModuleClock {
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
