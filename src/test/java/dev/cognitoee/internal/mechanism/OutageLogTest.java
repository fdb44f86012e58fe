package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** An outage is told to the operator once per interval, not once per request. */
class OutageLogTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();
    private final AtomicLong now = new AtomicLong(1_000);

    OutageLogTest() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private long warnings() {
        return records.stream().filter(r -> r.getLevel() == Level.WARNING).count();
    }

    @Test
    void oneWarningPerIntervalTheRestAtFine() {
        OutageLog log = new OutageLog(logger, now::get);

        for (int i = 0; i < 1000; i++) {
            log.answered503("Bearer token not judged, answering 503: {0}", "keys unreachable");
        }
        assertThat(warnings()).isEqualTo(1);
        assertThat(records).hasSize(1000);

        now.addAndGet(OutageLog.INTERVAL_NANOS - 1);
        log.answered503("Bearer token not judged, answering 503: {0}", "keys unreachable");
        assertThat(warnings()).isEqualTo(1);

        now.addAndGet(1);
        log.answered503("Bearer token not judged, answering 503: {0}", "keys unreachable");
        assertThat(warnings()).as("the next interval").isEqualTo(2);
        assertThat(records.get(records.size() - 1).getParameters()).containsExactly("keys unreachable");
    }
}
