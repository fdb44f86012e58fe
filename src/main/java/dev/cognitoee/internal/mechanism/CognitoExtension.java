package dev.cognitoee.internal.mechanism;

import dev.cognitoee.Cognito;
import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import dev.cognitoee.internal.account.DefaultCognitoAuth;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.AnnotationSettings;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.CognitoConfigReader;
import dev.cognitoee.internal.config.InvalidConfigurationException;
import dev.cognitoee.internal.config.RegionCheck;
import dev.cognitoee.internal.credentials.CallerCredentials;
import dev.cognitoee.internal.credentials.IdentityPoolCredentialsProvider;
import dev.cognitoee.internal.credentials.ProviderInUse;
import dev.cognitoee.internal.device.DeviceCalls;
import dev.cognitoee.internal.device.DeviceTracking;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.oauth.RedirectSignIn;
import dev.cognitoee.internal.observe.ObservabilityApis;
import dev.cognitoee.internal.session.AuthEvents;
import dev.cognitoee.internal.session.CognitoTokenProvider;
import dev.cognitoee.internal.session.AutoSignIn;
import dev.cognitoee.internal.session.OptionsSignIn;
import dev.cognitoee.internal.session.SignInFlow;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.internal.session.UnreadableSessions;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.time.ReplacesModuleClock;
import dev.cognitoee.spi.CredentialsAndIdentityIdProvider;
import dev.cognitoee.spi.TokenProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns the module on when the application carries {@link CognitoAuthenticationMechanismDefinition}: only then
 * are the mechanism, the identity store and the producers added as beans, and the configuration is read and
 * checked before the application starts, failing the deployment with every problem, each naming its key.
 */
public class CognitoExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(CognitoExtension.class.getName());

    /** The beans of the module; its jar is not a bean archive, so nothing is active without the annotation. */
    private static final List<Class<?>> MODULE_BEANS = List.of(
            CognitoAuthenticationMechanism.class,
            CognitoIdentityStore.class,
            SessionCaller.class,
            HostedUiCallback.class,
            CognitoProducers.class,
            DefaultCognitoAuth.class,
            SignInFlow.class,
            RedirectSignIn.class,
            TokenRefresher.class,
            UnreadableSessions.class,
            AuthEvents.class,
            CallerCredentials.class,
            SessionEndListener.class,
            SharedState.class,
            OptionsSignIn.class, // custom auth and choice-based sign-in (issue 15)
            AutoSignIn.class,
            DeviceTracking.class,
            DeviceCalls.class);

    private final List<Class<?>> definitions = new ArrayList<>();
    private boolean applicationCredentialsProvider;
    private Bean<?> providerInUse;
    private boolean applicationTokenProvider;
    private final List<Bean<?>> tokenProviders = new ArrayList<>();
    private Bean<?> clockReplacement;
    private CognitoConfig config;

    void findDefinition(@Observes @WithAnnotations(CognitoAuthenticationMechanismDefinition.class)
                        ProcessAnnotatedType<?> event) {
        if (event.getAnnotatedType().isAnnotationPresent(CognitoAuthenticationMechanismDefinition.class)) {
            definitions.add(event.getAnnotatedType().getJavaClass());
        }
    }

    /** An application that declares its own credentials provider replaces the identity-pool one. */
    void findCredentialsProvider(@Observes ProcessAnnotatedType<? extends CredentialsAndIdentityIdProvider> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            applicationCredentialsProvider = true;
        }
    }

    void findCredentialsProviderBean(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(CredentialsAndIdentityIdProvider.class)
                && event.getBean().getQualifiers().stream().noneMatch(q -> q instanceof ProviderInUse)) {
            providerInUse = event.getBean(); // the application's, or the identity pool's when it has none
        }
    }

    /** An application that declares its own token provider replaces the Cognito session's. */
    void findTokenProvider(@Observes ProcessAnnotatedType<? extends TokenProvider> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            applicationTokenProvider = true;
        }
    }

    /** The application's token provider bean, or the module's when it has none (never the {@code @Cognito} one). */
    void findTokenProviderBean(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(TokenProvider.class)
                && event.getBean().getQualifiers().contains(Default.Literal.INSTANCE)) {
            tokenProviders.add(event.getBean());
        }
    }

    /** An application's {@link ReplacesModuleClock} clock (a test's) becomes the module's clock. */
    void findClockReplacement(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(Clock.class)
                && event.getBean().getQualifiers().stream().anyMatch(q -> q instanceof ReplacesModuleClock)) {
            clockReplacement = event.getBean();
        }
    }

    /**
     * The module's one clock, the only place it takes the system's: the application's replacement when it has one,
     * handed over like the provider in use (below), else the system UTC clock.
     */
    void addModuleClock(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (definitions.isEmpty()) {
            return;
        }
        Bean<?> replacement = clockReplacement;
        event.addBean()
                .beanClass(CognitoExtension.class)
                .types(Clock.class, Object.class)
                .qualifiers(ModuleClock.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> replacement == null ? Clock.systemUTC()
                        : beanManager.getReference(replacement, Clock.class, context));
    }

    /**
     * The module's beans (in WEB-INF/lib) cannot see the application's own beans (WEB-INF/classes) on Payara, so the
     * provider in use is handed to them through a bean of the extension, which every archive can see.
     */
    void addProviderInUse(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (definitions.isEmpty() || providerInUse == null) {
            return;
        }
        Bean<?> provider = providerInUse;
        event.addBean()
                .beanClass(CognitoExtension.class)
                .types(CredentialsAndIdentityIdProvider.class)
                .qualifiers(ProviderInUse.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> beanManager.getReference(provider, CredentialsAndIdentityIdProvider.class,
                        context));
    }

    /**
     * The token provider in use, as {@code @Cognito TokenProvider}: for the application's beans, and for the module's
     * own, which cannot see the application's bean directly (see {@link #addProviderInUse}).
     */
    void addTokenProviderInUse(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (definitions.isEmpty() || tokenProviders.isEmpty()) {
            return;
        }
        // With more than one, the first is handed over all the same, so that the deployment fails on the clear
        // problem readConfiguration reports rather than on an unsatisfied injection point.
        Bean<?> provider = tokenProviders.get(0);
        event.addBean()
                .beanClass(CognitoExtension.class)
                .types(TokenProvider.class, Object.class)
                .qualifiers(CognitoLiteral.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(context -> beanManager.getReference(provider, TokenProvider.class, context));
    }

    void addModuleBeans(@Observes AfterTypeDiscovery event) {
        if (definitions.isEmpty()) {
            return;
        }
        MODULE_BEANS.forEach(type -> add(event, type));
        if (!applicationCredentialsProvider) {
            add(event, IdentityPoolCredentialsProvider.class);
        }
        if (!applicationTokenProvider) {
            add(event, CognitoTokenProvider.class);
        }
        // the readiness check and the metrics exporter, for the APIs this server has (none is required)
        ObservabilityApis.beans(CognitoExtension.class.getClassLoader()).forEach(type -> add(event, type));
    }

    private static void add(AfterTypeDiscovery event, Class<?> type) {
        event.addAnnotatedType(type, CognitoExtension.class.getName() + "." + type.getSimpleName());
    }

    void readConfiguration(@Observes AfterDeploymentValidation event) {
        if (definitions.isEmpty()) {
            return;
        }
        if (definitions.size() > 1) {
            event.addDeploymentProblem(new DeploymentException(LogMessage.DEFINITION_TWICE.text(
                    "@CognitoAuthenticationMechanismDefinition may appear once per application, found it on "
                            + definitions)));
            return;
        }
        if (tokenProviders.size() > 1) {
            event.addDeploymentProblem(new DeploymentException(LogMessage.TOKEN_PROVIDER_TWICE.text(
                    "An application may declare one TokenProvider bean (it replaces the module's), found "
                            + tokenProviders.stream().map(Bean::getBeanClass).map(Class::getName).toList())));
        }
        CognitoAuthenticationMechanismDefinition definition =
                definitions.get(0).getAnnotation(CognitoAuthenticationMechanismDefinition.class);
        try {
            Config settings = ConfigProvider.getConfig();
            config = CognitoConfigReader.read(AnnotationSettings.of(definition, settings),
                    settings.getPropertyNames());
        } catch (InvalidConfigurationException e) {
            event.addDeploymentProblem(new DeploymentException(LogMessage.CONFIGURATION_INVALID.text(e.getMessage())));
            return;
        }
        for (String mismatch : RegionCheck.mismatches(config)) {
            LogMessage.REGION_MISMATCH.log(LOG, "{0}. Fix: {1}", mismatch, LogMessage.REGION_MISMATCH.fix());
        }
    }

    /** {@link Cognito} as a value, for the bean of the token provider in use. */
    private static final class CognitoLiteral extends AnnotationLiteral<Cognito> implements Cognito {
        static final CognitoLiteral INSTANCE = new CognitoLiteral();
        private static final long serialVersionUID = 1L;
    }

    /** Whether the application turned the module on (CDI found the annotation on a bean). */
    boolean enabled() {
        return !definitions.isEmpty();
    }

    /** The class of the application's own credentials provider, or null when the identity pool's is in use. */
    String applicationCredentialsProvider() {
        // not the flag: the identity pool's provider, added after it was set, sets it again when CDI processes it
        return providerInUse != null && providerInUse.getBeanClass() != IdentityPoolCredentialsProvider.class
                ? providerInUse.getBeanClass().getName() : null;
    }

    /** The validated configuration; set once the deployment is validated. */
    CognitoConfig config() {
        return config;
    }
}
