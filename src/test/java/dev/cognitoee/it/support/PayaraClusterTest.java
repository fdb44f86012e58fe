package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayaraClusterTest {

    @Test
    void theGridSizeIsTheLastOnePayaraLogged() {
        String log = """
                Payara Data Grid State: DG Version: 5 DG Name: x DG Size: 1
                Payara Data Grid State: DG Version: 5 DG Name: x DG Size: 3
                Payara Data Grid State: DG Version: 5 DG Name: x DG Size: 2
                """;

        assertThat(PayaraCluster.gridSize(log)).isEqualTo(2);
        assertThat(PayaraCluster.gridSize("booting, no grid yet")).isZero();
    }

    @Test
    void nodesAreNamedByLetter() {
        assertThat(PayaraCluster.nodeName(0)).isEqualTo("a");
        assertThat(PayaraCluster.nodeName(2)).isEqualTo("c");
    }
}
