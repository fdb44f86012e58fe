package dev.cognitoee.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Allocation and GC pauses of one server in a window of time, read from the JFR recording it wrote from launch
 * ({@code -XX:StartFlightRecording}, default settings, dumped when the server stops).
 * <p>
 * Allocation: the heap use just before each GC minus the heap use just after the previous one, over the time
 * between them ({@code jdk.GCHeapSummary}), summed over the GC intervals that lie wholly inside the window. That is
 * the whole JVM's allocation rate under load (the server's own threads included, which is small next to the load),
 * exact up to objects allocated straight into the old generation. GC pauses: {@code jdk.GarbageCollection}
 * ({@code sumOfPauses}) of the collections that started inside the window.
 */
final class JfrWindows {

    /** One GC as the recording saw it: when, heap used before and after, and its pauses. */
    private record Gc(long id, Instant before, long usedBefore, Instant after, long usedAfter, Duration pauses) {
    }

    /** What a window saw: bytes allocated per second (NaN without two GCs inside), GC count and pauses. */
    record Window(double bytesPerSecond, int gcs, Duration totalPause, Duration longestPause) {

        double meanPauseMillis() {
            return gcs == 0 ? 0 : totalPause.toNanos() / 1e6 / gcs;
        }
    }

    private final List<Gc> gcs;

    private JfrWindows(List<Gc> gcs) {
        this.gcs = gcs;
    }

    static JfrWindows read(Path recording) {
        Map<Long, Instant> beforeAt = new TreeMap<>();
        Map<Long, Long> beforeUsed = new TreeMap<>();
        Map<Long, Instant> afterAt = new TreeMap<>();
        Map<Long, Long> afterUsed = new TreeMap<>();
        Map<Long, Duration> pauses = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.GCHeapSummary" -> {
                        long id = event.getLong("gcId");
                        if ("Before GC".equals(event.getString("when"))) {
                            beforeAt.put(id, event.getStartTime());
                            beforeUsed.put(id, event.getLong("heapUsed"));
                        } else {
                            afterAt.put(id, event.getStartTime());
                            afterUsed.put(id, event.getLong("heapUsed"));
                        }
                    }
                    case "jdk.GarbageCollection" -> pauses.put(event.getLong("gcId"), event.getDuration("sumOfPauses"));
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JFR recording " + recording, e);
        }
        List<Gc> gcs = new ArrayList<>();
        for (Long id : beforeAt.keySet()) {
            if (afterAt.containsKey(id)) {
                gcs.add(new Gc(id, beforeAt.get(id), beforeUsed.get(id), afterAt.get(id), afterUsed.get(id),
                        pauses.getOrDefault(id, Duration.ZERO)));
            }
        }
        return new JfrWindows(gcs);
    }

    Window window(Instant start, Instant end) {
        long allocated = 0;
        Duration between = Duration.ZERO;
        int count = 0;
        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        Gc previous = null;
        for (Gc gc : gcs) {
            boolean inside = !gc.before().isBefore(start) && gc.after().isBefore(end);
            if (inside) {
                count++;
                total = total.plus(gc.pauses());
                if (gc.pauses().compareTo(longest) > 0) {
                    longest = gc.pauses();
                }
                if (previous != null && previous.id() == gc.id() - 1) {
                    allocated += gc.usedBefore() - previous.usedAfter();
                    between = between.plus(Duration.between(previous.after(), gc.before()));
                }
                previous = gc;
            }
        }
        double rate = between.isZero() ? Double.NaN : allocated / (between.toNanos() / 1e9);
        return new Window(rate, count, total, longest);
    }
}
