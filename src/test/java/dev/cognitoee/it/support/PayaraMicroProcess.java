package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Payara Micro started by hand with several WARs at once, for tests that need what Arquillian hides: deployments
 * that are meant to fail, the server's own output, several servers at once ({@link PayaraCluster}), a crash
 * ({@link #kill()}). Same jar and server-config/ as the Arquillian tests.
 */
public final class PayaraMicroProcess implements PayaraApps, AutoCloseable {

    /** Payara Micro's option for a server that is no cluster member: no Hazelcast at all (boots about twice as fast). */
    public static final String NO_CLUSTER = "--nohazelcast";
    /**
     * The system property with JVM options for every server a test boots, before the caller's own: failsafe sets it
     * (pom.xml, {@code it.serverJvmOptions}: C1 only, {@code -XX:TieredStopAtLevel=1}, which halves the CPU of a
     * boot; docs/TESTING.md). The benchmarks run outside failsafe, without it: their servers run as in production.
     */
    public static final String TEST_JVM_OPTIONS = "cognitoee.testServerJvmOptions";

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraMicroProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Boots Payara Micro with {@code wars} on a free port and waits until it says it is ready. */
    public static PayaraMicroProcess boot(String name, List<WebArchive> wars) {
        return boot(name, wars, FreePort.next(), Map.of());
    }

    /**
     * Boots Payara Micro with {@code wars} on {@code port}, with {@code systemProperties} (which MicroProfile Config
     * reads before the WARs' own settings), and waits until it says it is ready.
     */
    public static PayaraMicroProcess boot(String name, List<WebArchive> wars, int port,
                                          Map<String, String> systemProperties) {
        return boot(name, wars, port, systemProperties, List.of());
    }

    /**
     * As {@link #boot(String, List, int, Map)}, with {@code preBootCommands} (asadmin commands, one per element) run
     * after the shared ones of server-config/pre-boot-commands.asadmin.
     */
    public static PayaraMicroProcess boot(String name, List<WebArchive> wars, int port,
                                          Map<String, String> systemProperties, List<String> preBootCommands) {
        return boot(name, wars, port, systemProperties, preBootCommands, List.of());
    }

    /**
     * As {@link #boot(String, List, int, Map, List)}, with {@code jvmOptions} added to the JVM's command line after
     * the default ones (so that a later {@code -Xmx} wins), e.g. {@code -XX:StartFlightRecording=...}.
     */
    public static PayaraMicroProcess boot(String name, List<WebArchive> wars, int port,
                                          Map<String, String> systemProperties, List<String> preBootCommands,
                                          List<String> jvmOptions) {
        PayaraMicroProcess payara = start(name, wars, port, systemProperties, preBootCommands, jvmOptions,
                List.of(NO_CLUSTER));
        try {
            // generous: on 2 busy cores a boot with several WARs took over 3 minutes (each WAR ~15 s)
            payara.awaitReady(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            payara.close();
            throw e;
        }
        return payara;
    }

    /**
     * Boots Payara Micro with {@code wars} on a free port WITH its Hazelcast data grid (and so its JCache), as a
     * one-member cluster of its own on loopback (the flags of STACK.md: never multicast discovery).
     */
    public static PayaraMicroProcess bootWithHazelcast(String name, List<WebArchive> wars,
                                                       Map<String, String> systemProperties) {
        String hazelcastPort = Integer.toString(FreePort.next());
        PayaraMicroProcess payara = start(name, wars, FreePort.next(), systemProperties, List.of(),
                List.of("-Dhazelcast.socket.bind.any=false"),
                List.of("--clustermode", "tcpip:127.0.0.1:" + hazelcastPort, "--startport", hazelcastPort,
                        "--interfaces", "127.0.0.1", "--clustername", name + "-" + hazelcastPort));
        try {
            payara.awaitReady(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            payara.close();
            throw e;
        }
        return payara;
    }

    /**
     * Starts Payara Micro without waiting for it ({@link #awaitReady(Duration)} does), so that several can boot at
     * once. {@code payaraOptions} are Payara Micro's own options besides the port, the boot commands, the logging
     * and the WARs: {@link #NO_CLUSTER} for a lone server, or the clustering flags ({@link PayaraCluster}).
     */
    public static PayaraMicroProcess start(String name, List<WebArchive> wars, int port,
                                           Map<String, String> systemProperties, List<String> preBootCommands,
                                           List<String> jvmOptions, List<String> payaraOptions) {
        try {
            Path workDir = Files.createDirectories(TestSettings.buildDir().resolve(name));
            Path serverConfig = TestSettings.serverConfigDir();
            Path preBoot = serverConfig.resolve("pre-boot-commands.asadmin");
            if (!preBootCommands.isEmpty()) {
                Path shared = preBoot;
                preBoot = workDir.resolve("pre-boot-commands.asadmin");
                Files.writeString(preBoot, Files.readString(shared) + "\n" + String.join("\n", preBootCommands) + "\n");
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Djava.io.tmpdir=" + workDir));
            String testJvmOptions = System.getProperty(TEST_JVM_OPTIONS, "").strip();
            if (!testJvmOptions.isEmpty()) {
                command.addAll(List.of(testJvmOptions.split("\\s+")));
            }
            command.addAll(jvmOptions);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", TestSettings.required("payara.microJar")));
            command.addAll(payaraOptions);
            command.addAll(List.of(
                    "--disablephonehome", "--port", Integer.toString(port),
                    "--prebootcommandfile", preBoot.toString(),
                    "--logproperties", serverConfig.resolve("logging.properties").toString()));
            for (WebArchive war : wars) {
                Path file = workDir.resolve(war.getName());
                war.as(ZipExporter.class).exportTo(file.toFile(), true);
                command.add("--deploy");
                command.add(file.toString());
            }
            Path log = workDir.resolve("payara-micro.out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PayaraMicroProcess payara = new PayaraMicroProcess(process, port, log);
            // stopped with the JVM too, even when it is killed while Payara boots
            Runtime.getRuntime().addShutdownHook(new Thread(payara::close));
            return payara;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot boot Payara Micro", e);
        }
    }

    /** Waits until Payara says it is ready (WARs deployed, listener open); fails if it exits or takes longer. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(" ready in ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited:\n" + output());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + ":\n" + output());
    }

    /** The CPU time the Payara JVM has used so far (zero when the system does not say). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The operating system's id of the Payara JVM. */
    public long pid() {
        return process.pid();
    }

    /** The file Payara prints to. */
    @Override
    public Path log() {
        return log;
    }

    /** Everything Payara printed so far. */
    @Override
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of the application deployed from {@code warName}.war. */
    @Override
    public URL url(String warName) {
        try {
            return new URL("http://localhost:" + port + "/" + warName + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP port Payara listens on. */
    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills Payara at once, as a crash would: {@code SIGKILL} ({@link Process#destroyForcibly()} on Unix), nothing
     * of its shutdown runs. Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Payara Micro (pid " + process.pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks Payara to stop ({@code SIGTERM}) without waiting; {@link #close()} then waits. */
    void requestStop() {
        process.destroy();
    }

    /** Stops Payara: politely, then forcibly after 30 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
