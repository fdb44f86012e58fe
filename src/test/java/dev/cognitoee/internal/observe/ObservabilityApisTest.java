package dev.cognitoee.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which of the module's observability beans are added, by what the server offers: without MicroProfile Health or
 * Metrics, no class that names them is added, so the application deploys all the same (the classes are never loaded:
 * CDI only sees the beans this list names).
 */
class ObservabilityApisTest {

    @Test
    void withMicroProfileHealthAndMetricsTheReadinessCheckAndTheMetricsGaugesAreAdded() {
        ClassLoader withBoth = getClass().getClassLoader();

        assertThat(ObservabilityApis.health(withBoth)).isTrue();
        assertThat(ObservabilityApis.metrics(withBoth)).isTrue();
        assertThat(ObservabilityApis.beans(withBoth))
                .containsExactly(ReadinessProbe.class, CognitoReadinessCheck.class, MicroProfileMetrics.class);
    }

    @Test
    void withoutEitherNoClassNamingThemIsAddedAndTheMetricsGoToJmx() {
        ClassLoader without = hiding("org.eclipse.microprofile.health.", "org.eclipse.microprofile.metrics.");

        assertThat(ObservabilityApis.health(without)).isFalse();
        assertThat(ObservabilityApis.metrics(without)).isFalse();
        assertThat(ObservabilityApis.beans(without)).containsExactly(JmxMetrics.class);
    }

    @Test
    void withHealthOnlyTheCheckIsAddedAndTheMetricsGoToJmx() {
        ClassLoader healthOnly = hiding("org.eclipse.microprofile.metrics.");

        assertThat(ObservabilityApis.beans(healthOnly))
                .containsExactly(ReadinessProbe.class, CognitoReadinessCheck.class, JmxMetrics.class);
    }

    @Test
    void theBeansWithoutTheApisNameNeitherInTheirSignatures() {
        // what JmxMetrics and ReadinessProbe refer to must load on a server without MicroProfile Health and Metrics
        assertThat(referencesMicroProfileObservability(JmxMetrics.class)).isFalse();
        assertThat(referencesMicroProfileObservability(ReadinessProbe.class)).isFalse();
        assertThat(referencesMicroProfileObservability(CognitoReadinessCheck.class)).isTrue();
    }

    private static boolean referencesMicroProfileObservability(Class<?> type) {
        StringBuilder names = new StringBuilder();
        for (Class<?> each : type.getInterfaces()) {
            names.append(each.getName()).append(' ');
        }
        for (var field : type.getDeclaredFields()) {
            names.append(field.getType().getName()).append(' ');
        }
        for (var method : type.getDeclaredMethods()) {
            names.append(method.getReturnType().getName()).append(' ');
            for (Class<?> parameter : method.getParameterTypes()) {
                names.append(parameter.getName()).append(' ');
            }
        }
        for (var annotation : type.getAnnotations()) {
            names.append(annotation.annotationType().getName()).append(' ');
        }
        String all = names.toString();
        return all.contains("org.eclipse.microprofile.health") || all.contains("org.eclipse.microprofile.metrics");
    }

    /** The test class path, less the packages named. */
    private static ClassLoader hiding(String... packages) {
        return new ClassLoader(ObservabilityApisTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                for (String hidden : packages) {
                    if (name.startsWith(hidden)) {
                        throw new ClassNotFoundException(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
