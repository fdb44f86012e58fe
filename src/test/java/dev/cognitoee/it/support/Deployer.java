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

    /**
     * Deploys {@code war}, whose deployment must FAIL (a misconfiguration the module must refuse); fails if it
     * deploys. The deployment's {@link Deployment#output()} is what the server printed while it failed; its URL
     * answers as Payara answers for a failed application until the class is done.
     */
    public Deployment deployFailing(WebArchive war) {
        Deployment deployment = server.deployFailing(war);
        deployments.add(deployment);
        return deployment;
    }

    /** The shared server's HTTP port, for settings that must name it before the WARs are built. */
    public int port() {
        return server.port();
    }

    /**
     * Undeploys what this class deployed, so that the next class finds the server as it was booted, and checks that
     * nothing else is left deployed.
     */
    @Override
    public void close() {
        try {
            if (server.isAlive()) {
                deployments.forEach(Deployment::undeploy);
                server.checkNothingLeftDeployed();
            }
        } finally {
            deployments.clear();
        }
    }
}
