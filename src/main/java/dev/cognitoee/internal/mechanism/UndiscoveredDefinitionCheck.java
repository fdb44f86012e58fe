package dev.cognitoee.internal.mechanism;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import dev.cognitoee.internal.log.LogMessage;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warns ({@link LogMessage#DEFINITION_NOT_A_BEAN}) when {@link CognitoAuthenticationMechanismDefinition} is on a class
 * that CDI did not discover: the module is then silently off. The servlet container hands this initializer every
 * class carrying the annotation, whatever CDI's discovery mode; {@link CognitoExtension} saw only those CDI
 * discovered. The initializer runs after CDI's bootstrap on Payara, so the extension's view is complete here.
 */
@HandlesTypes(CognitoAuthenticationMechanismDefinition.class)
public class UndiscoveredDefinitionCheck implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(UndiscoveredDefinitionCheck.class.getName());

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        List<String> definitions = annotated == null ? List.of() : annotated.stream()
                .filter(type -> type.isAnnotationPresent(CognitoAuthenticationMechanismDefinition.class))
                .map(Class::getName).sorted().toList();
        if (definitions.isEmpty() || moduleEnabled()) {
            return;
        }
        String path = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        for (String definition : definitions) {
            LogMessage.DEFINITION_NOT_A_BEAN.log(LOG, "@CognitoAuthenticationMechanismDefinition is on {0}, which "
                    + "CDI does not discover as a bean: the module is off in {1}. Fix: annotate {0} with "
                    + "@ApplicationScoped (or give its archive a beans.xml with bean-discovery-mode=\"all\")",
                    definition, path);
        }
    }

    /** Whether CDI turned the module on in this application; false when the application has no CDI at all. */
    private static boolean moduleEnabled() {
        try {
            return CDI.current().getBeanManager().getExtension(CognitoExtension.class).enabled();
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "No CDI container with the module's extension in this application", e);
            return false;
        }
    }
}
