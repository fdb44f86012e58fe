package dev.cognitoee.it.support;

import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What a test class deploys its WARs to the run's shared Payara Micro with: a parameter of its {@code @BeforeAll}
 * method, handed in by {@link SharedPayara}. Everything deployed through it is undeployed once the class is done
 * (after its {@code @AfterAll} methods).
 */
public final class Deployer implements AutoCloseable {

    private final SharedServer server;
    private final List<Deployment> deployments = new ArrayList<>();

    Deployer(SharedServer server) {
        this.server = server;
    }

    /** Deploys {@code wars}, each at its name ({@code ROOT.war} at the root); fails with the server's words. */
    public Deployment deploy(WebArchive... wars) {
        return deploy(List.of(wars));
    }

    /** Deploys {@code wars}, each at its name ({@code ROOT.war} at the root); fails with the server's words. */
    public Deployment deploy(List<WebArchive> wars) {
        Deployment deployment = server.deploy(wars);
        deployments.add(deployment);
        return deployment;
    }

    /** The shared server's HTTP port, for settings that must name it before the WARs are built. */
    public int port() {
        return server.port();
    }

    /** Undeploys what this class deployed, so that the next class finds the server as it was booted. */
    @Override
    public void close() {
        if (server.isAlive()) {
            deployments.forEach(Deployment::undeploy);
        }
        deployments.clear();
    }
}
