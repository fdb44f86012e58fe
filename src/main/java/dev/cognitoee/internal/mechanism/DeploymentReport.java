package dev.cognitoee.internal.mechanism;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import dev.cognitoee.internal.config.CognitoConfig;
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
 * Tells the operator, once per deployment, whether the module is on: the startup line
 * ({@link LogMessage#MODULE_ACTIVE}) where it is, and a WARNING ({@link LogMessage#DEFINITION_NOT_A_BEAN}) where
 * {@link CognitoAuthenticationMechanismDefinition} is on a class that CDI did not discover, which leaves the module
 * silently off. The servlet container hands this initializer every class carrying the annotation, whatever CDI's
 * discovery mode, and the servlet context, which knows the server's version; {@link CognitoExtension} knows what CDI
 * discovered and the configuration. On Payara, CDI's bootstrap has ended when the initializer runs.
 */
@HandlesTypes(CognitoAuthenticationMechanismDefinition.class)
public class DeploymentReport implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(DeploymentReport.class.getName());
    /** GlassFish's and Payara's record of the server's product name and version. */
    private static final String PAYARA_VERSION = "com.sun.appserv.server.util.Version";

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        List<String> definitions = annotated == null ? List.of() : annotated.stream()
                .filter(type -> type.isAnnotationPresent(CognitoAuthenticationMechanismDefinition.class))
                .map(Class::getName).sorted().toList();
        if (definitions.isEmpty()) {
            return;
        }
        CognitoExtension extension = extension();
        String path = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        if (extension == null || !extension.enabled()) {
            for (String definition : definitions) {
                LogMessage.DEFINITION_NOT_A_BEAN.log(LOG, "@CognitoAuthenticationMechanismDefinition is on {0}, "
                        + "which CDI does not discover as a bean: the module is off in {1}. Fix: annotate {0} with "
                        + "@ApplicationScoped (or give its archive a beans.xml with bean-discovery-mode=\"all\")",
                        definition, path);
            }
            return;
        }
        CognitoConfig config = extension.config();
        if (config == null) {
            return; // the configuration is invalid: CognitoExtension fails the deployment, naming every bad key
        }
        LogMessage.MODULE_ACTIVE.log(LOG, "{0}", StartupLine.text(config, StartupLine.moduleVersion(),
                extension.applicationCredentialsProvider(), context.getContextPath(), server(context),
                context.getMajorVersion(), context.getMinorVersion()));
    }

    /**
     * The server's name and version as it states them: Payara's own version record where the application can see it
     * (Payara's {@code getServerInfo()} says "Payara Micro" without a version), else {@code getServerInfo()}.
     */
    private static String server(ServletContext context) {
        try {
            Object version = Class.forName(PAYARA_VERSION, false, context.getClassLoader())
                    .getMethod("getFullVersion").invoke(null);
            if (version instanceof String text && !text.isBlank()) {
                return text;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "No Payara version record: {0}", e.toString());
        }
        return context.getServerInfo();
    }

    /** The module's CDI extension in this application; null when the application has no CDI container. */
    private static CognitoExtension extension() {
        try {
            return CDI.current().getBeanManager().getExtension(CognitoExtension.class);
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.FINE, "No CDI container with the module's extension in this application", e);
            return null;
        }
    }
}
