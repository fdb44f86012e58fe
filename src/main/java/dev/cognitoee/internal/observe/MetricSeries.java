package dev.cognitoee.internal.observe;

import java.util.function.Supplier;

/**
 * One exported time series: a metric name, at most one tag, and where its value is read from (a counter of
 * {@code internal.metrics}, read only when the metrics endpoint or JMX asks).
 *
 * @param name        the metric's name, {@code cognitoee_...}
 * @param description what it counts, for the endpoint's {@code HELP} line
 * @param tagName     the tag's name ({@code error}, {@code reason}, {@code operation}), or null for none
 * @param tagValue    the tag's value, or null for none
 * @param value       the current value
 */
record MetricSeries(String name, String description, String tagName, String tagValue, Supplier<Number> value) {

    /** The series as Prometheus writes it, {@code name{tag="value"}}: a JMX attribute's name. */
    String key() {
        return tagName == null ? name : name + "{" + tagName + "=\"" + tagValue + "\"}";
    }
}
