package dev.cognitoee.it.bench;

import dev.cognitoee.it.support.CognitoFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The last phase of the end-to-end benchmark, after the rounds: JSON sign-ins through the module's
 * {@code j_security_check} for a while, each without a cookie so that each one asks Cognito (the emulator) and
 * opens a new HTTP session. It gives sign-ins per second, which the emulator bounds, and the heap retained per
 * signed-in session: the live heap ({@code jcmd GC.class_histogram}, which runs a full GC first) after the phase
 * minus before it, divided by the sessions opened. Attaching {@code jcmd} disturbs the JIT, which is why it comes
 * last.
 */
final class SignInPhase {

    /** Below {@code cognito.max-concurrent-sign-ins} (20), so that no sign-in is refused with 429. */
    static final int CONNECTIONS = 8;

    /** What the phase measured. */
    record Result(long sessions, double signInsPerSecond, long liveHeapBefore, long liveHeapAfter) {

        double bytesPerSession() {
            return sessions == 0 ? Double.NaN : (double) (liveHeapAfter - liveHeapBefore) / sessions;
        }
    }

    private SignInPhase() {
    }

    static Result run(BenchStack.Server module, int seconds, Path script) {
        long pid = module.payara().pid();
        long before = liveHeap(pid);
        Wrk.Result signIns = Wrk.run(module.baseUrl() + "j_security_check", seconds, CONNECTIONS, Map.of(), script,
                Map.of("BENCH_USER", CognitoFixture.ALICE, "BENCH_PASSWORD", CognitoFixture.PASSWORD), true);
        long after = liveHeap(pid);
        return new Result(signIns.requests(), signIns.requestsPerSecond(), before, after);
    }

    /** The bytes of live objects in the heap of {@code pid}: the "Total" line of a class histogram. */
    private static long liveHeap(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.class_histogram failed:\n" + output);
            }
            String total = output.lines().filter(line -> line.startsWith("Total")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Total in the class histogram:\n" + output));
            String[] fields = total.trim().split("\\s+");
            return Long.parseLong(fields[fields.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
