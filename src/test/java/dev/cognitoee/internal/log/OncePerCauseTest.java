package dev.cognitoee.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OncePerCauseTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(42);
    private OncePerCause log;

    @BeforeEach
    void capture() {
        Logger logger = Logger.getLogger("test." + getClass().getName() + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        });
        log = new OncePerCause(logger, nanos::get);
    }

    @Test
    void aCauseIsAWarningOnceThenFineForAnHourThenAWarningAgain() {
        assertThat(log.log(LogMessage.FLOW_NOT_ENABLED, "first {0}", "x")).isTrue();
        assertThat(log.log(LogMessage.FLOW_NOT_ENABLED, "second {0}", "x")).isFalse();
        nanos.addAndGet(OncePerCause.INTERVAL_NANOS - 1);
        assertThat(log.log(LogMessage.FLOW_NOT_ENABLED, "third {0}", "x")).isFalse();
        nanos.addAndGet(1);
        assertThat(log.log(LogMessage.FLOW_NOT_ENABLED, "fourth {0}", "x")).isTrue();

        assertThat(records).extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.FINE, Level.FINE, Level.WARNING);
        assertThat(records).allSatisfy(r -> assertThat(r.getMessage()).startsWith("COGNITOEE-0005 "));
        assertThat(records.get(0).getMessage()).endsWith("(repeats in the next hour are logged at FINE)");
    }

    @Test
    void eachCauseHasItsOwnWarning() {
        log.log(LogMessage.FLOW_NOT_ENABLED, "a");
        log.log(LogMessage.SECRET_HASH_MISSING, "b");
        log.log(LogMessage.SECRET_HASH_WRONG, "c");
        log.log(LogMessage.SECRET_HASH_MISSING, "d");

        assertThat(records).extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.WARNING, Level.WARNING, Level.FINE);
    }
}
