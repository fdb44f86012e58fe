package dev.cognitoee.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro for all the test classes of a run that need nothing but their WARs on a plain server: booting a
 * server costs a class far more than deploying to one that runs (docs/TESTING.md, "The integration tests' time").
 *
 * <pre>{@code
 * @ExtendWith(SharedPayara.class)
 * class OrdersIT {
 *     private static URL base;
 *
 *     @BeforeAll
 *     static void deploy(Deployer payara) {
 *         base = payara.deploy(TestWars.war("orders", settings, OrdersConfig.class.getPackage())).url("orders");
 *     }
 * }
 * }</pre>
 *
 * The server boots when the first class asks for it (booted as {@link PayaraMicroProcess#boot} boots one:
 * {@code --nohazelcast}, server-config/), lives in the run's root {@link ExtensionContext.Store}, and stops at the end
 * of the run; a server that died is replaced for the next class. Each class's WARs are undeployed after the class
 * (and a WAR that must fail to deploy goes through {@link Deployer#deployFailing}). A class that needs a server
 * configured otherwise (system properties, boot commands, Hazelcast, the server's whole log) boots its own
 * {@link PayaraMicroProcess}.
 */
public final class SharedPayara implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPayara.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Deployer.class;
    }

    @Override
    public Deployer resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            throw new ParameterResolutionException("A Deployer is a parameter of a @BeforeAll method: the class's "
                    + "WARs stay deployed for all its tests");
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Deployer.class,
                key -> new Deployer(server(context.getRoot().getStore(NAMESPACE))), Deployer.class);
    }

    private static SharedServer server(ExtensionContext.Store root) {
        SharedServer server = root.getOrComputeIfAbsent(SharedServer.class, key -> SharedServer.boot(),
                SharedServer.class);
        if (!server.isAlive()) {
            System.out.println("The shared Payara Micro has exited (" + server.process().log() + "): booting another");
            root.remove(SharedServer.class, SharedServer.class).close();
            server = root.getOrComputeIfAbsent(SharedServer.class, key -> SharedServer.boot(), SharedServer.class);
        }
        return server;
    }
}
