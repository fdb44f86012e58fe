package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real load balancer in front of servers on loopback: Debian's HAProxy ({@code src/test/haproxy/install.sh}
 * installs it), started as a process of its own with a generated configuration. It balances every request round-robin
 * (no sticky sessions: the servers must share their sessions), checks the servers' ports every 250 ms and takes a dead
 * one out at the first failed check, and retries a request that a server dropped (connection refused or reset, empty
 * answer; never a request that is only slow) on another server ({@code retry-on}, {@code option redispatch}), as a production balancer would. Its
 * access log (which server answered what) is in {@link #log()}.
 */
public final class LoadBalancer implements AutoCloseable {

    /** Where Debian puts HAProxy; {@code PATH} is looked at as well. */
    private static final List<String> BINARIES = List.of("/usr/sbin/haproxy", "/usr/bin/haproxy");
    /** Why a test needing the balancer is skipped when HAProxy is not installed. */
    public static final String MISSING = "HAProxy is not installed: run src/test/haproxy/install.sh (as root or "
            + "with sudo); .ci/run does";

    private final Process process;
    private final int port;
    private final Path log;

    private LoadBalancer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Whether HAProxy is installed (for {@code @EnabledIf}). */
    public static boolean installed() {
        return binary() != null;
    }

    private static String binary() {
        for (String candidate : BINARIES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (Files.isExecutable(Path.of(dir, "haproxy"))) {
                    return Path.of(dir, "haproxy").toString();
                }
            }
        }
        return null;
    }

    /**
     * Starts HAProxy on a free loopback port, balancing round-robin over the servers listening on
     * {@code serverPorts} (loopback), and waits until it accepts connections. Its configuration and log are in
     * {@code target/<name>/}.
     */
    public static LoadBalancer roundRobin(String name, List<Integer> serverPorts) {
        String haproxy = binary();
        if (haproxy == null) {
            throw new IllegalStateException(MISSING);
        }
        int port = FreePort.next();
        try {
            Path dir = Files.createDirectories(TestSettings.buildDir().resolve(name));
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, config(port, serverPorts));
            Path log = dir.resolve("haproxy.log");
            // -db: stay in the foreground, so that this JVM owns the process and its output
            Process process = new ProcessBuilder(haproxy, "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LoadBalancer balancer = new LoadBalancer(process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(balancer::close));
            try {
                balancer.awaitListening(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                balancer.close();
                throw e;
            }
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start HAProxy", e);
        }
    }

    /** The generated configuration: one frontend on {@code port}, one round-robin backend of {@code serverPorts}. */
    static String config(int port, List<Integer> serverPorts) {
        StringBuilder config = new StringBuilder("""
                global
                    log stdout format raw local0
                    nbthread 1

                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    # a request a dead server refused or dropped unanswered is sent to another one; not one that is
                    # merely slow, which would run twice
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response

                frontend web
                """);
        config.append("    bind 127.0.0.1:").append(port).append('\n');
        config.append("""
                    default_backend servers

                backend servers
                    balance roundrobin
                """);
        for (int i = 0; i < serverPorts.size(); i++) {
            config.append("    server ").append(PayaraCluster.nodeName(i)).append(" 127.0.0.1:").append(serverPorts.get(i))
                    .append(" check inter 250ms fall 1 rise 2\n");
        }
        return config.toString();
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited:\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy not listening on " + port + " after " + timeout + ":\n" + output());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The base URL of the application deployed from {@code warName}.war, through the balancer. */
    public URL url(String warName) {
        try {
            return new URL("http://localhost:" + port + "/" + warName + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of HAProxy's output: its access log, one line per request with the server that answered. */
    public Path log() {
        return log;
    }

    /** Everything HAProxy printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops HAProxy ({@code SIGTERM}, then {@code SIGKILL} after 5 seconds). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
