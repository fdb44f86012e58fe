package dev.cognitoee.mechanism;

import dev.cognitoee.CognitoAuth;
import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import dev.cognitoee.config.AnnotationSettings;
import dev.cognitoee.config.CognitoConfig;
import dev.cognitoee.config.CognitoConfigReader;
import dev.cognitoee.config.InvalidConfigurationException;
import dev.cognitoee.credentials.CallerCredentials;
import dev.cognitoee.credentials.IdentityPoolCredentialsProvider;
import dev.cognitoee.event.AuthEvents;
import dev.cognitoee.session.SignInFlow;
import dev.cognitoee.session.TokenRefresher;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns the module on when the application carries {@link CognitoAuthenticationMechanismDefinition}: only then
 * are the mechanism, the identity store and the producers added as beans, and the configuration is read and
 * checked before the application starts, failing the deployment with every problem, each naming its key.
 */
public class CognitoExtension implements Extension {

    /** The beans of the module; its jar is not a bean archive, so nothing is active without the annotation. */
    private static final List<Class<?>> MODULE_BEANS = List.of(
            CognitoAuthenticationMechanism.class,
            CognitoIdentityStore.class,
            SessionCaller.class,
            CognitoProducers.class,
            CognitoAuth.class,
            SignInFlow.class,
            TokenRefresher.class,
            AuthEvents.class,
            CallerCredentials.class,
            IdentityPoolCredentialsProvider.class);

    private final List<Class<?>> definitions = new ArrayList<>();
    private CognitoConfig config;

    void findDefinition(@Observes @WithAnnotations(CognitoAuthenticationMechanismDefinition.class)
                        ProcessAnnotatedType<?> event) {
        if (event.getAnnotatedType().isAnnotationPresent(CognitoAuthenticationMechanismDefinition.class)) {
            definitions.add(event.getAnnotatedType().getJavaClass());
        }
    }

    void addModuleBeans(@Observes AfterTypeDiscovery event) {
        if (!definitions.isEmpty()) {
            MODULE_BEANS.forEach(type -> event.addAnnotatedType(type, CognitoExtension.class.getName() + "."
                    + type.getSimpleName()));
        }
    }

    void readConfiguration(@Observes AfterDeploymentValidation event) {
        if (definitions.isEmpty()) {
            return;
        }
        if (definitions.size() > 1) {
            event.addDeploymentProblem(new DeploymentException(
                    "@CognitoAuthenticationMechanismDefinition may appear once per application, found it on "
                            + definitions));
            return;
        }
        CognitoAuthenticationMechanismDefinition definition =
                definitions.get(0).getAnnotation(CognitoAuthenticationMechanismDefinition.class);
        try {
            config = CognitoConfigReader.read(AnnotationSettings.of(definition, ConfigProvider.getConfig()));
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(new DeploymentException(e.getMessage()));
        }
    }

    /** Whether the application turned the module on. */
    boolean enabled() {
        return !definitions.isEmpty();
    }

    /** The validated configuration; set once the deployment is validated. */
    CognitoConfig config() {
        return config;
    }
}
