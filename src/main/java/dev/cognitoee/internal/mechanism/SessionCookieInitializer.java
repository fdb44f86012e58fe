package dev.cognitoee.internal.mechanism;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import dev.cognitoee.internal.config.AnnotationSettings;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.CognitoConfigReader;
import dev.cognitoee.internal.config.HostedUi;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.oauth.LocalRedirect;
import dev.cognitoee.internal.config.InvalidConfigurationException;
import dev.cognitoee.internal.log.LogMessage;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets the session cookie's attributes ({@link SessionCookieRule}) as the application starts, in applications that
 * carry {@link CognitoAuthenticationMechanismDefinition} only: the container hands this initializer the classes
 * annotated with it, and none means the module is off. It runs before the application's first request, when the
 * session cookie configuration may still be changed, whoever creates sessions later (the module or the
 * application).
 */
@HandlesTypes(CognitoAuthenticationMechanismDefinition.class)
public class SessionCookieInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> annotated, ServletContext context) {
        Optional<CognitoAuthenticationMechanismDefinition> definition = annotated == null ? Optional.empty()
                : annotated.stream().map(type -> type.getAnnotation(CognitoAuthenticationMechanismDefinition.class))
                        .filter(Objects::nonNull).findFirst();
        if (definition.isEmpty()) {
            return;
        }
        CognitoConfig config;
        try {
            config = CognitoConfigReader.read(AnnotationSettings.of(definition.get(),
                    ConfigProvider.getConfig(context.getClassLoader())));
        } catch (InvalidConfigurationException e) {
            return; // CognitoExtension fails the deployment, naming every bad key
        }
        requireCallbackInApplication(config.hostedUi(), context.getContextPath());
        requireKeyWhenDistributable(config.sessionEncryptionKeys() != null, DistributableWebApp.of(context));
        SessionCookieRule.apply(context.getSessionCookieConfig(), context.getContextPath(),
                config.sessionCookieSameSite());
    }

    /**
     * Fails the deployment of a {@code <distributable/>} application without {@code cognito.session-encryption-key}:
     * its sessions move between nodes, and a node's random key would leave every other node unable to read them.
     * Checked here because only the servlet context knows the application's web.xml.
     */
    static void requireKeyWhenDistributable(boolean keyConfigured, boolean distributable) {
        if (distributable && !keyConfigured) {
            throw new IllegalStateException("Cognito EE configuration is invalid: "
                    + Setting.SESSION_ENCRYPTION_KEY.key() + " is missing: this application is <distributable/>, "
                    + "so its sessions move between nodes, and every node needs the same keys to read the refresh "
                    + "tokens in them (e.g. " + Setting.SESSION_ENCRYPTION_KEY.key() + "=k1:<base64 of 32 random "
                    + "bytes>, `openssl rand -base64 32`)");
        }
    }

    /**
     * Fails the deployment when the hosted UI's callback is not a path of this application: the module serves it
     * only there. Checked here because only the servlet context knows the context path.
     */
    static void requireCallbackInApplication(HostedUi hostedUi, String contextPath) {
        if (hostedUi != null && !LocalRedirect.isLocalPath(hostedUi.redirectUri().getRawPath(), contextPath)) {
            throw new IllegalStateException(LogMessage.CALLBACK_OUTSIDE_APPLICATION.text(
                    "Cognito EE configuration is invalid: " + Setting.REDIRECT_URI.key() + " '"
                            + hostedUi.redirectUri() + "' is not a URL of this application: its path must be under "
                            + contextPath + "/, where the module serves the callback"));
        }
    }
}
