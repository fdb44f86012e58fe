package dev.cognitoee.it.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the benchmark reads wrk's output: the figures, and the runs it must refuse rather than report. */
class WrkTest {

    private static final String OUTPUT = """
            Running 4s test @ http://localhost:8080/module/api/admin
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     7.21ms   10.02ms 120.50ms   90.12%
                Req/Sec     2.51k   310.20     3.10k    70.00%
              Latency Distribution
                 50%  850.00us
                 75%    5.10ms
                 90%   12.30ms
                 99%    1.20s
              20123 requests in 4.01s, 3.40MB read
            Requests/sec:   5018.20
            Transfer/sec:    868.10KB
            """;

    @Test
    void readsTheRateTheCountAndTheMedianAndP99InMicroseconds() {
        Wrk.Result result = Wrk.parse(OUTPUT, "url", true);

        assertThat(result.requestsPerSecond()).isEqualTo(5018.20);
        assertThat(result.requests()).isEqualTo(20123);
        assertThat(result.p50Micros()).isEqualTo(850.0);
        assertThat(result.p99Micros()).isEqualTo(1_200_000.0);
    }

    @Test
    void refusesAnyRunWithAnswersThatAreNot2xxEvenAWarmUp() {
        String refused = OUTPUT.replace("Requests/sec:", "  Non-2xx or 3xx responses: 12\nRequests/sec:");

        assertThatThrownBy(() -> Wrk.parse(refused, "url", false)).hasMessageContaining("12 answers were not 2xx/3xx");
    }

    @Test
    void refusesTimeoutsButNotTheReadErrorsOfConnectionsClosedAtTheEnd() {
        String closed = OUTPUT.replace("Requests/sec:",
                "  Socket errors: connect 0, read 3, write 0, timeout 0\nRequests/sec:");
        String timedOut = OUTPUT.replace("Requests/sec:",
                "  Socket errors: connect 0, read 0, write 0, timeout 5\nRequests/sec:");

        assertThat(Wrk.parse(closed, "url", true).requests()).isEqualTo(20123);
        assertThatThrownBy(() -> Wrk.parse(timedOut, "url", true)).hasMessageContaining("socket errors");
    }

    @Test
    void aWarmUpMayTimeOutButNeverAnswerOtherThan2xx() {
        String timedOut = OUTPUT.replace("Requests/sec:",
                "  Socket errors: connect 0, read 0, write 0, timeout 5\nRequests/sec:");

        assertThat(Wrk.parse(timedOut, "url", false).requests()).isEqualTo(20123);
    }

    @Test
    void refusesOutputWithoutFigures() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to localhost:8080", "url", false))
                .hasMessageContaining("Unexpected wrk output");
    }
}
