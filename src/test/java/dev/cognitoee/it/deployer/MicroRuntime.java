package dev.cognitoee.it.deployer;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;

/**
 * Deploys and undeploys applications on the Payara Micro the calling WAR runs in, through Payara Micro's own runtime
 * API ({@code PayaraMicroRuntime}). Reached by reflection: the Payara Micro jar is on the test class path only when
 * the integration tests run, and this class must compile without it ({@code mvn install -DskipTests}).
 */
public final class MicroRuntime {

    private static final String RUNTIME = "fish.payara.micro.PayaraMicroRuntime";
    private static final String INSTANCE = "fish.payara.micro.impl.PayaraMicroImpl";

    private MicroRuntime() {
    }

    /**
     * Deploys {@code war} as {@code name} at {@code contextRoot}; true when Payara says it is deployed (false: the
     * reason is in the server's log).
     */
    public static boolean deploy(String name, String contextRoot, File war) {
        return (Boolean) call("deploy", new Class<?>[] {String.class, String.class, File.class}, name, contextRoot,
                war);
    }

    /** Undeploys the application deployed as {@code name} (Payara logs a warning when there is none). */
    public static void undeploy(String name) {
        call("undeploy", new Class<?>[] {String.class}, name);
    }

    /** The names of the applications deployed on this Payara Micro (this WAR's own among them). */
    @SuppressWarnings("unchecked")
    public static Collection<String> deployedApplications() {
        return (Collection<String>) call("getDeployedApplicationNames", new Class<?>[0]);
    }

    private static Object call(String method, Class<?>[] types, Object... arguments) {
        try {
            Object instance = Class.forName(INSTANCE).getMethod("getInstance").invoke(null);
            Object runtime = instance.getClass().getMethod("getRuntime").invoke(instance);
            Method operation = Class.forName(RUNTIME).getMethod(method, types);
            return operation.invoke(runtime, arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Payara Micro's " + method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara Micro's runtime API is not reachable", e);
        }
    }
}
