package dev.cognitoee.it.support;

import dev.cognitoee.it.deployer.DeployerServlet;
import dev.cognitoee.it.deployer.MicroRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The Payara Micro that the test classes of a run share ({@link SharedPayara}): booted once, with only the deployer
 * WAR ({@link DeployerServlet}), then each class's WARs are deployed to it and undeployed after the class. Booted as
 * {@link PayaraMicroProcess#boot} boots a test's own server (same jar, server-config/, {@code --nohazelcast}), with
 * its log in the build folder, where {@link PayaraLog} reads it, as the Arquillian servers' log was.
 */
final class SharedServer implements AutoCloseable {

    private static final String NAME = "shared-payara";
    private static final String DEPLOYER = "deployer";
    /** As generous as a boot: on 2 busy cores one WAR took up to 15 s, and the slowest seen several times that. */
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final int LOG_TAIL = 8000;
    /** What Payara logs when an application it was asked to deploy cannot be loaded. */
    private static final String LOAD_FAILURE = "Exception while loading the app";

    private final PayaraMicroProcess payara;
    private final String token;
    private final Path warDir;
    private final AtomicInteger exported = new AtomicInteger();

    private SharedServer(PayaraMicroProcess payara, String token, Path warDir) {
        this.payara = payara;
        this.token = token;
        this.warDir = warDir;
    }

    static SharedServer boot() {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        WebArchive deployer = ShrinkWrap.create(WebArchive.class, DEPLOYER + ".war")
                .addClasses(DeployerServlet.class, MicroRuntime.class)
                .addAsWebInfResource(new StringAsset(token), "deployer-token");
        try {
            Path warDir = Files.createDirectories(TestSettings.buildDir().resolve(NAME).resolve("wars"));
            long start = System.nanoTime();
            PayaraMicroProcess payara = PayaraMicroProcess.boot(NAME, List.of(deployer), FreePort.next(), Map.of(),
                    List.of(), List.of("-Djava.io.tmpdir=" + TestSettings.buildDir())); // the later -D wins
            System.out.printf("Shared Payara Micro booted on port %d in %.1f s (%.1f s of CPU)%n", payara.port(),
                    (System.nanoTime() - start) / 1e9, payara.cpuTime().toMillis() / 1e3);
            return new SharedServer(payara, token, warDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return payara.port();
    }

    boolean isAlive() {
        return payara.isAlive();
    }

    /**
     * Deploys {@code wars}, each at its name ({@code ROOT.war} at the root, as Payara Micro deploys it at boot). If
     * one fails, those already deployed are undeployed, and the exception carries the end of the server's output.
     */
    Deployment deploy(List<WebArchive> wars) {
        int mark = payara.output().length();
        Map<String, String> contextRoots = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (WebArchive war : wars) {
                String name = nameOf(war);
                Path file = export(war, name);
                files.add(file);
                if (!loaded(name, file, mark)) {
                    throw new IllegalStateException("Payara Micro failed to deploy or load " + war.getName());
                }
                contextRoots.put(name, contextRoot(name));
            }
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("Deploying WAR " + (contextRoots.size() + 1)
                    + " of " + wars.size() + " to the shared Payara Micro failed (" + payara.log()
                    + "); its output since:\n" + outputTail(mark), e);
            try {
                undeploy(contextRoots.keySet(), files);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        System.out.printf("Shared Payara Micro: deployed %s in %.1f s%n", contextRoots.keySet(),
                (System.nanoTime() - start) / 1e9);
        return new Deployment(this, contextRoots, files, mark, Deployment.OPEN);
    }

    /**
     * Deploys {@code war}, which must FAIL to deploy or to load (a misconfiguration the module refuses): the returned
     * deployment's output is what the server printed while it tried, and no more. Whatever Payara kept registered
     * of it stays until the class is done (its URL answers as a failed application does); a WAR that deploys fails
     * the class, undeployed at once.
     */
    Deployment deployFailing(WebArchive war) {
        int mark = payara.output().length();
        String name = nameOf(war);
        Path file = export(war, name);
        boolean loaded;
        try {
            loaded = loaded(name, file, mark);
        } catch (RuntimeException e) {
            undeploy(List.of(name), List.of(file));
            throw e;
        }
        if (loaded) {
            undeploy(List.of(name), List.of(file));
            throw new IllegalStateException(war.getName() + " was deployed to the shared Payara Micro, but its "
                    + "deployment should have failed; the server's output since:\n" + outputTail(mark));
        }
        System.out.printf("Shared Payara Micro: %s failed to deploy, as expected%n", war.getName());
        return new Deployment(this, Map.of(name, contextRoot(name)), List.of(file), mark, payara.output().length());
    }

    /**
     * Asks Payara to deploy {@code file} as {@code name}: true when it deployed and loaded it. Payara's runtime API
     * says "deployed" for an application whose loading failed (a CDI error, say), which then answers 404
     * everywhere: its log since {@code mark} says otherwise.
     */
    private boolean loaded(String name, Path file, int mark) {
        String answer = call("deploy", Map.of("name", name, "contextRoot", contextRoot(name), "war", file.toString()));
        return answer.equals("deployed") && !payara.output().substring(mark).contains(LOAD_FAILURE);
    }

    private static String nameOf(WebArchive war) {
        return war.getName().replaceFirst("\\.war$", "");
    }

    private static String contextRoot(String name) {
        return name.equals("ROOT") ? "/" : name;
    }

    private Path export(WebArchive war, String name) {
        Path file = warDir.resolve(name + "-" + exported.incrementAndGet() + ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private String outputTail(int mark) {
        String output = payara.output().substring(mark);
        return output.substring(Math.max(0, output.length() - LOG_TAIL));
    }

    /**
     * Checks that nothing but the deployer is deployed, as after the boot: what a class left behind (a failed
     * deployment Payara kept, say) is undeployed, and named in the exception, so that the next class finds a clean
     * server.
     */
    void checkNothingLeftDeployed() {
        List<String> deployed = call("applications", Map.of()).lines().filter(name -> !name.isBlank()).toList();
        if (!deployed.contains(DEPLOYER)) {
            throw new IllegalStateException("The shared Payara Micro does not list its deployer among its "
                    + "applications: " + deployed);
        }
        List<String> left = deployed.stream().filter(name -> !name.equals(DEPLOYER)).toList();
        if (!left.isEmpty()) {
            undeploy(left, List.of());
            throw new IllegalStateException("Left deployed on the shared Payara Micro after the class (now "
                    + "undeployed): " + left);
        }
    }

    /** Undeploys the applications called {@code names} and deletes their WAR files. */
    void undeploy(Iterable<String> names, List<Path> files) {
        for (String name : names) {
            call("undeploy", Map.of("name", name));
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    PayaraMicroProcess process() {
        return payara;
    }

    private String call(String operation, Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(payara.url(DEPLOYER) + operation))
                .timeout(DEPLOY_TIMEOUT)
                .header(DeployerServlet.TOKEN_HEADER, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = Http.send(Http.newClient(), request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The shared Payara Micro's deployer answered " + response.statusCode()
                    + " to " + operation + " " + parameters + " (" + payara.log() + ")");
        }
        return response.body();
    }

    @Override
    public void close() {
        System.out.printf("Shared Payara Micro used %.1f s of CPU in this run%n", payara.cpuTime().toMillis() / 1e3);
        payara.close();
    }
}
