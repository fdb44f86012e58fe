package dev.cognitoee.internal.credentials;

import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the credentials provider the module uses: the application's own {@link CredentialsAndIdentityIdProvider}
 * bean if it declares one, else the identity pool's. The module's extension provides this bean (its beans cannot
 * see the application's directly on Payara: WEB-INF/lib beans do not see WEB-INF/classes beans).
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.TYPE,
        java.lang.annotation.ElementType.METHOD, java.lang.annotation.ElementType.PARAMETER})
public @interface ProviderInUse {

    /** The qualifier as a value. */
    final class Literal extends AnnotationLiteral<ProviderInUse> implements ProviderInUse {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
