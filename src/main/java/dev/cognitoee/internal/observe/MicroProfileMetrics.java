package dev.cognitoee.internal.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Exports the module's counters through MicroProfile Metrics, as gauges of the application registry (they appear on
 * the server's {@code /metrics} endpoint with {@code mp_scope="application"}). MicroProfile Metrics 5 has no counter
 * that reads its value from elsewhere, so each series is a gauge over a counter of {@code internal.metrics}: the
 * request path never calls the metrics library, and the registry reads the value when the endpoint is asked.
 *
 * <p>A bean only when the server has MicroProfile Metrics ({@link ObservabilityApis}); otherwise {@link JmxMetrics}
 * exports the same series.
 */
@ApplicationScoped
public class MicroProfileMetrics {

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (MetricSeries series : MetricCatalogue.all()) {
            Metadata metadata = Metadata.builder().withName(series.name()).withDescription(series.description())
                    .build();
            Tag[] tags = series.tagName() == null ? new Tag[0] : new Tag[] {new Tag(series.tagName(),
                    series.tagValue())};
            registry.gauge(metadata, series.value(), tags);
        }
    }
}
