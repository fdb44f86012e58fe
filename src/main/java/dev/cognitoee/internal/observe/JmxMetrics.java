package dev.cognitoee.internal.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Exports the module's counters as one read-only MBean, {@code dev.cognitoee:type=Metrics,application=<context
 * path>}, on a server without MicroProfile Metrics: one attribute per series, named as Prometheus would write it
 * ({@code cognitoee_token_rejections_total{reason="EXPIRED"}}). Unregistered when the application stops.
 */
@ApplicationScoped
public class JmxMetrics {

    private static final Logger LOG = Logger.getLogger(JmxMetrics.class.getName());

    private volatile ObjectName registered;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String application = started instanceof ServletContext context ? context.getContextPath() : "";
        try {
            ObjectName name = new ObjectName("dev.cognitoee:type=Metrics,application="
                    + ObjectName.quote(application.isEmpty() ? "/" : application));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a previous deployment's, left behind
            }
            server.registerMBean(new CountersMBean(MetricCatalogue.all()), name);
            registered = name;
        } catch (JMException e) {
            LOG.log(Level.INFO, "The module's metrics are not exported over JMX: {0}", e.toString());
        }
    }

    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        ObjectName name = registered;
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (JMException e) {
                LOG.log(Level.FINE, "Unregistering the metrics MBean failed", e);
            }
        }
    }

    /** The series as read-only {@code Number} attributes. */
    static final class CountersMBean implements DynamicMBean {

        private final Map<String, MetricSeries> byKey = new LinkedHashMap<>();

        CountersMBean(List<MetricSeries> series) {
            series.forEach(s -> byKey.put(s.key(), s));
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            MetricSeries series = byKey.get(attribute);
            if (series == null) {
                throw new AttributeNotFoundException(attribute);
            }
            return series.value().get();
        }

        @Override
        public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException("read-only: " + attribute.getName());
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            AttributeList list = new AttributeList();
            for (String attribute : attributes) {
                MetricSeries series = byKey.get(attribute);
                if (series != null) {
                    list.add(new Attribute(attribute, series.value().get()));
                }
            }
            return list;
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException("no operations");
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            List<MBeanAttributeInfo> attributes = new ArrayList<>();
            byKey.forEach((key, series) -> attributes.add(new MBeanAttributeInfo(key, Number.class.getName(),
                    series.description(), true, false, false)));
            return new MBeanInfo(CountersMBean.class.getName(), "Cognito EE metrics",
                    attributes.toArray(MBeanAttributeInfo[]::new), null, null, null);
        }
    }
}
