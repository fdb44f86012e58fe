package dev.cognitoee.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** What the benchmark reads from Linux's {@code /proc}: a process's CPU time, the load, the machine. */
final class ProcFs {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}, which bench/e2e.sh passes). */
    static final long CLOCK_TICKS = Long.parseLong(Objects.requireNonNullElse(System.getenv("BENCH_CLK_TCK"), "100"));

    private ProcFs() {
    }

    /** utime + stime of a process, in clock ticks ({@code /proc/<pid>/stat}, fields 14 and 15). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // after the command name in parentheses, fields count from 3 (the state)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Cores, CPU model and memory, as the report's header gives them. */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> ", " + Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB")
                    .findFirst().orElse("");
        } catch (IOException e) {
            // keep what is known
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory;
    }
}
