package dev.cognitoee.it.support;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test class's WARs on the run's shared Payara Micro ({@link SharedPayara}): their URLs, and what the server
 * printed since they were deployed (the classes before them printed to the same server). Undeployed after the class.
 */
public final class Deployment implements PayaraApps {

    /** The end of the output of a deployment still running: whatever the server prints next is its own too. */
    static final int OPEN = Integer.MAX_VALUE;

    private final SharedServer server;
    private final Map<String, String> contextRoots;
    private final List<Path> files;
    private final int outputMark;
    private final int outputEnd;

    Deployment(SharedServer server, Map<String, String> contextRoots, List<Path> files, int outputMark,
               int outputEnd) {
        this.server = server;
        this.contextRoots = Map.copyOf(contextRoots);
        this.files = List.copyOf(files);
        this.outputMark = outputMark;
        this.outputEnd = outputEnd;
    }

    /** The base URL of the application deployed from {@code warName}.war ({@code ROOT.war}: the root). */
    @Override
    public URL url(String warName) {
        String contextRoot = contextRoots.get(warName);
        if (contextRoot == null) {
            throw new IllegalArgumentException(warName + ".war is not in this deployment: " + contextRoots.keySet());
        }
        try {
            String path = contextRoot.equals("/") ? "/" : "/" + contextRoot + "/";
            return new URL("http://localhost:" + server.port() + path);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the server printed from the start of this deployment on (for a deployment that had to fail,
     * {@link Deployer#deployFailing}: what it printed while it failed, nothing after).
     */
    @Override
    public String output() {
        String output = server.process().output();
        return output.substring(outputMark, Math.min(outputEnd, output.length()));
    }

    /** The file the shared server prints to (its output since the start of the run). */
    @Override
    public Path log() {
        return server.process().log();
    }

    void undeploy() {
        server.undeploy(contextRoots.keySet(), files);
    }
}
