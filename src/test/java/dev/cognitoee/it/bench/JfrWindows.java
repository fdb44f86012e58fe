package dev.cognitoee.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Allocation and GC pauses of one server in a window of time, read from the JFR recording it wrote from launch
 * ({@code -XX:StartFlightRecording}, default settings, dumped when the server stops).
 * <p>
 * Allocation: the sum of the {@code weight} of the {@code jdk.ObjectAllocationSample} events inside the window. JFR
 * samples allocations (about 150 a second) and gives each sample the bytes its thread allocated since its previous
 * sample, so the sum estimates every byte the JVM allocated meanwhile (the server's own background threads included,
 * which is small next to the load). GC pauses: {@code jdk.GarbageCollection} ({@code sumOfPauses}) of the
 * collections that started and ended inside the window.
 */
final class JfrWindows {

    /** One GC as the recording saw it: when it started and ended, and its pauses. */
    private record Gc(Instant start, Instant end, Duration pauses) {
    }

    /** One allocation sample: when, and the bytes its thread allocated since its previous sample. */
    private record Sample(Instant at, long weight) {
    }

    /** What a window saw: bytes allocated (estimated from the samples), GC count and pauses. */
    record Window(long allocatedBytes, int gcs, Duration totalPause, Duration longestPause) {
    }

    private final List<Gc> gcs;
    private final List<Sample> samples;

    private JfrWindows(List<Gc> gcs, List<Sample> samples) {
        this.gcs = gcs;
        this.samples = samples;
    }

    static JfrWindows read(Path recording) {
        List<Gc> gcs = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ObjectAllocationSample" ->
                            samples.add(new Sample(event.getStartTime(), event.getLong("weight")));
                    case "jdk.GarbageCollection" -> gcs.add(new Gc(event.getStartTime(), event.getEndTime(),
                            event.getDuration("sumOfPauses")));
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JFR recording " + recording, e);
        }
        return new JfrWindows(gcs, samples);
    }

    Window window(Instant start, Instant end) {
        long allocated = samples.stream().filter(sample -> !sample.at().isBefore(start) && sample.at().isBefore(end))
                .mapToLong(Sample::weight).sum();
        int count = 0;
        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (Gc gc : gcs) {
            if (!gc.start().isBefore(start) && gc.end().isBefore(end)) {
                count++;
                total = total.plus(gc.pauses());
                if (gc.pauses().compareTo(longest) > 0) {
                    longest = gc.pauses();
                }
            }
        }
        return new Window(allocated, count, total, longest);
    }
}
