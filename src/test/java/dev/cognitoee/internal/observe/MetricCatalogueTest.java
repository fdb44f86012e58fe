package dev.cognitoee.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.token.TokenRejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.AttributeNotFoundException;
import org.junit.jupiter.api.Test;

/** The exported series: names by MicroProfile Metrics' conventions, every tag value present, all documented. */
class MetricCatalogueTest {

    private static final List<MetricSeries> ALL = MetricCatalogue.all();

    @Test
    void namesAreCognitoeeTotalsAndEverySeriesIsUnique() {
        assertThat(ALL).allSatisfy(series -> assertThat(series.name()).matches("cognitoee_[a-z_]+_total"));
        assertThat(ALL.stream().map(MetricSeries::key)).doesNotHaveDuplicates();
        assertThat(ALL).allSatisfy(series -> assertThat(series.description()).isNotBlank());
    }

    @Test
    void everyErrorAndEveryRejectionReasonHasItsSeriesFromTheStart() {
        for (AuthError error : AuthError.values()) {
            assertThat(ALL).anySatisfy(s -> assertThat(s.key())
                    .isEqualTo("cognitoee_sign_in_failures_total{error=\"" + error.name() + "\"}"));
        }
        for (TokenRejection reason : TokenRejection.values()) {
            assertThat(ALL).anySatisfy(s -> assertThat(s.key())
                    .isEqualTo("cognitoee_token_rejections_total{reason=\"" + reason.name() + "\"}"));
        }
    }

    @Test
    void aSeriesReadsItsCounterWhenAsked() {
        MetricSeries fetches = series("cognitoee_jwks_fetches_total");
        long before = fetches.value().get().longValue();
        Metrics.JWKS_FETCHES.increment();
        assertThat(fetches.value().get().longValue()).isEqualTo(before + 1);

        MetricSeries expired = series("cognitoee_token_rejections_total{reason=\"EXPIRED\"}");
        long expiredBefore = expired.value().get().longValue();
        Metrics.TOKEN_REJECTIONS.increment(TokenRejection.EXPIRED);
        Metrics.TOKEN_REJECTIONS.increment(TokenRejection.BAD_SIGNATURE);
        assertThat(expired.value().get().longValue()).isEqualTo(expiredBefore + 1);
    }

    @Test
    void theJmxBeanHasOneReadOnlyAttributePerSeries() throws Exception {
        JmxMetrics.CountersMBean bean = new JmxMetrics.CountersMBean(ALL);
        long before = ((Number) bean.getAttribute("cognitoee_token_cache_hits_total")).longValue();
        Metrics.TOKEN_CACHE_HITS.increment();

        assertThat(((Number) bean.getAttribute("cognitoee_token_cache_hits_total")).longValue())
                .isEqualTo(before + 1);
        assertThat(bean.getMBeanInfo().getAttributes()).hasSize(ALL.size())
                .allSatisfy(a -> assertThat(a.isWritable()).isFalse());
        assertThatThrownBy(() -> bean.getAttribute("cognitoee_nothing_total"))
                .isInstanceOf(AttributeNotFoundException.class);
    }

    @Test
    void theReadmeDocumentsEveryMetric() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Health and metrics"));
        ALL.stream().map(MetricSeries::name).distinct()
                .forEach(name -> assertThat(section).as("README, Health and metrics").contains("`" + name + "`"));
        assertThat(section).contains("`" + CognitoReadinessCheck.NAME + "`");
    }

    private static MetricSeries series(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
