import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording that bench/e2e.sh left in target/e2e-SERVER/recording.jfr (JFR started at launch, default
 * settings) and prints what docs/BENCHMARKS.md's "What the profile showed" is made of. A single-file program:
 *
 * <pre>
 *   java bench/JfrProfile.java alloc target/e2e-module/recording.jfr [FILTER]   allocation by class, module frame, stack
 *   java bench/JfrProfile.java cpu   target/e2e-module/recording.jfr [FILTER]   CPU samples by top frame, module method
 *   java bench/JfrProfile.java gc    target/e2e-module/recording.jfr FILTER     young GCs while FILTER ran
 * </pre>
 *
 * FILTER keeps the events whose stack (or, for alloc, the allocated class followed by "@") contains it, e.g.
 * {@code BearerTokenVerifier.verify} or {@code WeakHashMap$Entry@}. For gc, the stretches of time in which CPU
 * samples matched FILTER (a gap over 5 s ends one; stretches under 15 s are left out) stand for the cells of that
 * row, and each gets its collections: count, mean pause, bytes copied to survivor space, weak references discovered.
 */
public class JfrProfile {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java bench/JfrProfile.java alloc|cpu|gc RECORDING [FILTER]");
            System.exit(2);
        }
        Path recording = Path.of(args[1]);
        String filter = args.length > 2 ? args[2] : "";
        switch (args[0]) {
            case "alloc" -> allocation(recording, filter);
            case "cpu" -> cpu(recording, filter);
            case "gc" -> gc(recording, filter);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void allocation(Path recording, String filter) throws IOException {
        Map<String, Long> byClass = new HashMap<>();
        Map<String, Long> byModuleFrame = new HashMap<>();
        Map<String, Long> byStack = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : events(recording, "jdk.ObjectAllocationSample")) {
            String type = event.getClass("objectClass").getName();
            List<RecordedFrame> frames = frames(event);
            if (!(type + "@" + stack(frames)).contains(filter)) {
                continue;
            }
            long weight = event.getLong("weight"); // bytes the thread allocated since its previous sample
            total += weight;
            byClass.merge(type, weight, Long::sum);
            byModuleFrame.merge(frames.stream().filter(f -> typeName(f).startsWith("dev.cognitoee")).findFirst()
                    .map(f -> name(f) + ":" + f.getLineNumber()).orElse("(no module frame)"), weight, Long::sum);
            byStack.merge(shortStack(frames, 8), weight, Long::sum);
        }
        System.out.printf("allocated (estimated) %.1f MB%n", total / 1e6);
        print("by class", byClass, total, 20);
        print("by first module frame", byModuleFrame, total, 20);
        print("by stack (8 frames)", byStack, total, 20);
    }

    private static void cpu(Path recording, String filter) throws IOException {
        Map<String, Long> byTopFrame = new HashMap<>();
        Map<String, Long> byModuleMethod = new HashMap<>();
        long all = 0;
        long matched = 0;
        for (RecordedEvent event : events(recording, "jdk.ExecutionSample")) {
            List<RecordedFrame> frames = frames(event);
            all++;
            if (frames.isEmpty() || !stack(frames).contains(filter)) {
                continue;
            }
            matched++;
            byTopFrame.merge(name(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>(); // inclusive: a method counts once per sample
            frames.stream().filter(f -> typeName(f).startsWith("dev.cognitoee")).map(JfrProfile::name)
                    .filter(seen::add).forEach(method -> byModuleMethod.merge(method, 1L, Long::sum));
        }
        System.out.printf("CPU samples %d, of which %d (%.1f%%) match '%s'%n", all, matched, 100.0 * matched / all,
                filter);
        print("by top frame", byTopFrame, matched, 25);
        print("module methods (inclusive)", byModuleMethod, matched, 25);
    }

    private static void gc(Path recording, String filter) throws IOException {
        List<Instant> matching = new ArrayList<>();
        Map<Long, double[]> collections = new HashMap<>(); // gcId -> start (ms), pauses (ms), survivors (MB), weak
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (stack(frames(event)).contains(filter)) {
                            matching.add(event.getStartTime());
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        double[] gc = collections.computeIfAbsent(event.getLong("gcId"), id -> new double[4]);
                        gc[0] = event.getStartTime().toEpochMilli();
                        gc[1] = event.getDuration("sumOfPauses").toNanos() / 1e6;
                    }
                    case "jdk.G1EvacuationYoungStatistics" -> {
                        RecordedObject statistics = event.getValue("statistics");
                        collections.computeIfAbsent((long) statistics.getInt("gcId"), id -> new double[4])[2] =
                                statistics.getLong("used") / 1e6; // bytes copied into survivor regions
                    }
                    case "jdk.GCReferenceStatistics" -> {
                        if (event.getString("type").equals("Weak reference")) {
                            collections.computeIfAbsent(event.getLong("gcId"), id -> new double[4])[3] =
                                    event.getLong("count");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        matching.sort(null);
        List<Instant[]> stretches = new ArrayList<>();
        for (Instant at : matching) {
            Instant[] last = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
            if (last != null && Duration.between(last[1], at).getSeconds() <= 5) {
                last[1] = at;
            } else {
                stretches.add(new Instant[] {at, at});
            }
        }
        for (Instant[] stretch : stretches) {
            long seconds = Duration.between(stretch[0], stretch[1]).getSeconds();
            if (seconds < 15) {
                continue;
            }
            int count = 0;
            double pauses = 0;
            double survivors = 0;
            double weak = 0;
            for (double[] gc : collections.values()) {
                if (gc[0] >= stretch[0].toEpochMilli() && gc[0] <= stretch[1].toEpochMilli()) {
                    count++;
                    pauses += gc[1];
                    survivors += gc[2];
                    weak += gc[3];
                }
            }
            System.out.printf("%s, %3d s: %3d GCs, mean pause %5.1f ms, to survivors %5.1f MB, weak references"
                    + " %5.0f per GC%n", stretch[0], seconds, count, pauses / Math.max(1, count),
                    survivors / Math.max(1, count), weak / Math.max(1, count));
        }
    }

    private static List<RecordedEvent> events(Path recording, String type) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals(type)) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    private static List<RecordedFrame> frames(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        return trace == null ? List.of() : trace.getFrames();
    }

    private static String typeName(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String name(RecordedFrame frame) {
        return typeName(frame) + "." + frame.getMethod().getName();
    }

    private static String stack(List<RecordedFrame> frames) {
        StringBuilder stack = new StringBuilder();
        frames.forEach(frame -> stack.append(name(frame)).append(';'));
        return stack.toString();
    }

    private static String shortStack(List<RecordedFrame> frames, int depth) {
        StringBuilder stack = new StringBuilder();
        for (RecordedFrame frame : frames.subList(0, Math.min(depth, frames.size()))) {
            String type = typeName(frame);
            stack.append(type.substring(type.lastIndexOf('.') + 1)).append('.').append(frame.getMethod().getName())
                    .append(':').append(frame.getLineNumber()).append(" < ");
        }
        return stack.toString();
    }

    private static void print(String title, Map<String, Long> counts, long total, int limit) {
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("%5.1f%%  %s%n", 100.0 * entry.getValue() / total,
                        entry.getKey()));
    }
}
