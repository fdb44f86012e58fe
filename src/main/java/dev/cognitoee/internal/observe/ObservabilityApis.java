package dev.cognitoee.internal.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Which observability APIs the server offers the application: the module registers its readiness check only where
 * MicroProfile Health is, and its metrics through MicroProfile Metrics where it is, else through JMX. A class that
 * names a missing API is never added as a bean, so the module deploys on a server without them.
 */
public final class ObservabilityApis {

    static final String MP_HEALTH = "org.eclipse.microprofile.health.HealthCheck";
    static final String MP_METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";

    private ObservabilityApis() {
    }

    /** Whether MicroProfile Health is visible to {@code loader} (the application's). */
    public static boolean health(ClassLoader loader) {
        return visible(MP_HEALTH, loader);
    }

    /** Whether MicroProfile Metrics is visible to {@code loader} (the application's). */
    public static boolean metrics(ClassLoader loader) {
        return visible(MP_METRICS, loader);
    }

    /**
     * The module's beans for what the server offers: the readiness check with MicroProfile Health, and the metrics
     * exporter of MicroProfile Metrics or else of JMX.
     */
    public static List<Class<?>> beans(ClassLoader loader) {
        List<Class<?>> beans = new ArrayList<>();
        if (health(loader)) {
            beans.add(ReadinessProbe.class);
            beans.add(CognitoReadinessCheck.class);
        }
        beans.add(metrics(loader) ? MicroProfileMetrics.class : JmxMetrics.class);
        return beans;
    }

    private static boolean visible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
