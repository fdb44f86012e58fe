package dev.cognitoee.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Several Payara Micro instances on loopback forming one cluster (one Hazelcast data grid) with the same WAR, and an
 * HAProxy {@link LoadBalancer} in front of them, for tests of what a clustered deployment shares: HTTP sessions,
 * JCache caches.
 *
 * <p>Each node gets its own HTTP and Hazelcast ports (free ones, so that several clusters can run at once on one
 * machine), the same unique cluster name, and the system property {@value #NODE_PROPERTY} = its name ({@code a},
 * {@code b}, {@code c}...), so that a test WAR can say which node answered. The flags are those of
 * {@code ../shared/STACK.md}: TCP/IP discovery of the listed members only ({@code --clustermode tcpip:...}, never
 * multicast), Hazelcast and the HTTP listener bound to 127.0.0.1.
 *
 * <p>Boot: the first node, until its Hazelcast port is open, then all others at once (they join it; started
 * together from nothing, members may elect several masters and merge only minutes later). Ready means every node
 * deployed the WAR and every node's grid has all the members: Payara logs its "Data Grid Status" with
 * {@code DG Size: n} at each change of membership, and the last one each node logged must say {@code size}.
 *
 * <p>Everything stops on every path: a failed boot stops what it started, {@link #close()} stops the balancer and
 * the nodes, and each process also stops with the test JVM.
 */
public final class PayaraCluster implements AutoCloseable {

    /** The system property holding each node's name. */
    public static final String NODE_PROPERTY = "cognitoee.node";
    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");
    private static final Duration BOOT = Duration.ofMinutes(5); // a busy 2-core machine needs more than 3
    /** Payara Micro's HTTP listener, bound to loopback like the rest (before it starts: a pre-boot command). */
    private static final String LOOPBACK_LISTENER = "set configs.config.server-config.network-config"
            + ".network-listeners.network-listener.http-listener.address=127.0.0.1";

    /** One instance of the cluster. */
    public record Node(String name, PayaraMicroProcess payara) {

        /** The base URL of the application deployed from {@code warName}.war on this node, bypassing the balancer. */
        public URL url(String warName) {
            return payara.url(warName);
        }
    }

    private final List<Node> nodes;
    private final LoadBalancer balancer;

    private PayaraCluster(List<Node> nodes, LoadBalancer balancer) {
        this.nodes = List.copyOf(nodes);
        this.balancer = balancer;
    }

    /** The name of the {@code index}th node: a, b, c... */
    public static String nodeName(int index) {
        return String.valueOf((char) ('a' + index));
    }

    /**
     * Boots {@code size} clustered Payara Micro instances with the same {@code wars}, each with
     * {@code systemProperties}, waits until all deployed them and all see each other, and starts the balancer in
     * front of them. Work folders under {@code target/<name>-<node>/}, the balancer's under
     * {@code target/<name>-haproxy/}.
     */
    public static PayaraCluster boot(String name, int size, List<WebArchive> wars,
                                     Map<String, String> systemProperties) {
        List<Integer> httpPorts = distinctFreePorts(size, Set.of());
        List<Integer> gridPorts = distinctFreePorts(size, Set.copyOf(httpPorts));
        String clusterName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String members = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        List<Node> nodes = new ArrayList<>();
        LoadBalancer balancer = null;
        try {
            for (int i = 0; i < size; i++) {
                Map<String, String> properties = new LinkedHashMap<>(systemProperties);
                properties.put(NODE_PROPERTY, nodeName(i));
                PayaraMicroProcess payara = PayaraMicroProcess.start(name + "-" + nodeName(i), wars,
                        httpPorts.get(i), properties, List.of(LOOPBACK_LISTENER),
                        List.of("-Dhazelcast.socket.bind.any=false"),
                        List.of("--clustermode", "tcpip:" + members, "--startport", gridPorts.get(i).toString(),
                                "--interfaces", "127.0.0.1", "--clustername", clusterName,
                                "--name", name + "-" + nodeName(i)));
                nodes.add(new Node(nodeName(i), payara));
                if (i == 0) {
                    awaitPort(payara, gridPorts.get(0), BOOT); // the first member, for the others to join
                }
            }
            for (Node node : nodes) {
                node.payara().awaitReady(BOOT);
                for (WebArchive war : wars) {
                    String warName = war.getName().replaceFirst("\\.war$", "");
                    if (!node.payara().output().contains(" " + warName + " was successfully deployed")) {
                        throw new IllegalStateException("The " + warName + " WAR did not deploy on node "
                                + node.name() + "; see " + node.payara().log());
                    }
                }
            }
            awaitGrid(nodes, Duration.ofSeconds(60));
            balancer = LoadBalancer.roundRobin(name + "-haproxy", httpPorts);
            return new PayaraCluster(nodes, balancer);
        } catch (RuntimeException | Error e) {
            if (balancer != null) {
                balancer.close();
            }
            stop(nodes);
            throw e;
        }
    }

    private static List<Integer> distinctFreePorts(int count, Set<Integer> taken) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            int port = FreePort.next();
            if (!taken.contains(port)) {
                ports.add(port);
            }
        }
        return List.copyOf(ports);
    }

    private static void awaitPort(PayaraMicroProcess payara, int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!payara.isAlive()) {
                throw new IllegalStateException("Payara Micro exited:\n" + payara.output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("No Hazelcast member on port " + port + " after " + timeout + "; see "
                + payara.log());
    }

    /**
     * Waits until each of {@code members} (the live nodes) sees exactly that many members in its grid, e.g. after
     * {@link #kill(int)}: the survivors must have noticed the loss.
     */
    public void awaitMembers(List<Node> members, Duration timeout) {
        awaitGrid(members, timeout);
    }

    private static void awaitGrid(List<Node> members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Node node : members) {
                seen.put(node.name(), gridSize(node.payara().output()));
            }
            if (seen.values().stream().allMatch(size -> size == members.size())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The nodes do not all see " + members.size() + " members after "
                        + timeout + " (grid size each logged last: " + seen + "); see their payara-micro.out");
            }
            pause();
        }
    }

    /** The grid size Payara logged last ({@code DG Size: n}), or 0 before it logged any. */
    static int gridSize(String output) {
        Matcher matcher = GRID_SIZE.matcher(output);
        int size = 0;
        while (matcher.find()) {
            size = Integer.parseInt(matcher.group(1));
        }
        return size;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    /** The nodes still running. */
    public List<Node> liveNodes() {
        return nodes.stream().filter(node -> node.payara().isAlive()).toList();
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** The base URL of the application deployed from {@code warName}.war, through the balancer. */
    public URL url(String warName) {
        return balancer.url(warName);
    }

    /** Kills the {@code index}th node with {@code SIGKILL}, as a crash would, and returns once it is gone. */
    public void kill(int index) {
        nodes.get(index).payara().kill();
    }

    /** Stops the balancer, then all nodes at once (each forcibly after 30 seconds). */
    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        stop(nodes);
    }

    private static void stop(List<Node> nodes) {
        nodes.forEach(node -> node.payara().requestStop()); // all at once: one by one takes several times longer
        nodes.forEach(node -> node.payara().close());
    }
}
