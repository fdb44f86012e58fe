package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {

    @Test
    void theConfigurationBalancesRoundRobinOverEveryServerOnLoopbackWithChecks() {
        String config = LoadBalancer.config(8080, List.of(9001, 9002, 9003));

        assertThat(config).contains("bind 127.0.0.1:8080", "balance roundrobin",
                "server a 127.0.0.1:9001 check", "server b 127.0.0.1:9002 check", "server c 127.0.0.1:9003 check");
        assertThat(config).doesNotContain("cookie", "stick"); // no sticky sessions: the servers must share them
    }

    @Test
    void onlyRequestsADeadServerRefusedOrDroppedAreResentNeverSlowOnes() {
        String config = LoadBalancer.config(8080, List.of(9001));

        assertThat(config).contains("option redispatch", "retry-on conn-failure empty-response\n");
        assertThat(config).doesNotContain("response-timeout");
    }
}
