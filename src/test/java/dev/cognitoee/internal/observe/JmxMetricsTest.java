package dev.cognitoee.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.AuthError;
import dev.cognitoee.internal.metrics.Metrics;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The JMX exporter, for servers without MicroProfile Metrics: on the platform MBean server while the app runs. */
class JmxMetricsTest {

    @Test
    void theCountersAreReadThroughThePlatformMBeanServerUntilTheApplicationStops() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.cognitoee:type=Metrics,application=\"/\"");
        JmxMetrics jmx = new JmxMetrics();
        jmx.register(new Object()); // outside a web application: no context path
        try {
            String attribute = "cognitoee_sign_in_failures_total{error=\"CODE_MISMATCH\"}";
            long before = ((Number) server.getAttribute(name, attribute)).longValue();
            Metrics.SIGN_IN_FAILURES.increment(AuthError.CODE_MISMATCH);

            assertThat(((Number) server.getAttribute(name, attribute)).longValue()).isEqualTo(before + 1);
        } finally {
            jmx.unregister(new Object());
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
