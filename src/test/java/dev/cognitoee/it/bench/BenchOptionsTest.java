package dev.cognitoee.it.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmarks' option parsing: each benchmark's defaults per mode, overrides, and refusals. */
class BenchOptionsTest {

    @Test
    void eachBenchmarkHasItsOwnDefaultsPerMode() {
        BenchOptions e2e = BenchOptions.parse(new String[] {"--quick"});
        assertThat(e2e.get("mode")).isEqualTo("quick");
        assertThat(e2e.number("warmup")).isEqualTo(21);
        assertThat(e2e.number("tokens")).isEqualTo(300);
        BenchOptions cluster = BenchOptions.parseCluster(new String[0]);
        assertThat(cluster.get("mode")).isEqualTo("full");
        assertThat(cluster.number("warmup")).isEqualTo(120);
        assertThat(cluster.number("sessions")).isEqualTo(32);
        assertThat(cluster.get("tokens")).isNull();
    }

    @Test
    void anOptionOverridesItsDefault() {
        assertThat(BenchOptions.parse(new String[] {"--rounds=5", " "}).number("rounds")).isEqualTo(5);
        assertThat(BenchOptions.parseCluster(new String[] {"--quick", "--sessions=4"}).number("sessions")).isEqualTo(4);
    }

    @Test
    void unknownOptionsTheModeAndStrayArgumentsAreRefused() {
        assertThatThrownBy(() -> BenchOptions.parseCluster(new String[] {"--tokens=5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown option --tokens=5");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--mode=quick"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown option --mode=quick");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"fast"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown argument fast");
    }
}
