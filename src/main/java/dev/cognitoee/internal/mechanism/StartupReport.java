package dev.cognitoee.internal.mechanism;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;

/**
 * Logs the startup line ({@link LogMessage#MODULE_ACTIVE}) once per deployment, when the application's
 * CDI container and servlet context are up: a bean of the module, so that the line appears only where the module
 * is on.
 */
@ApplicationScoped
class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Inject
    CognitoConfig config;

    @Inject
    CognitoExtension extension;

    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        LogMessage.MODULE_ACTIVE.log(LOG, "{0}", StartupLine.text(config, StartupLine.moduleVersion(),
                extension.applicationCredentialsProvider(), context.getContextPath(), context.getServerInfo(),
                context.getMajorVersion(), context.getMinorVersion()));
    }
}
