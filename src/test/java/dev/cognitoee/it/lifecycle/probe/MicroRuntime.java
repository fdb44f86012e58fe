package dev.cognitoee.it.lifecycle.probe;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Deploys and undeploys applications on the Payara Micro this WAR runs in, through Payara Micro's own runtime API
 * ({@code PayaraMicroRuntime}). Reached by reflection: the Payara Micro jar is on the test class path only when the
 * integration tests run, and this class must compile without it ({@code mvn install -DskipTests}).
 */
final class MicroRuntime {

    private static final String RUNTIME = "fish.payara.micro.PayaraMicroRuntime";
    private static final String INSTANCE = "fish.payara.micro.impl.PayaraMicroImpl";

    private MicroRuntime() {
    }

    /** Deploys {@code war} as {@code name} at {@code /name}; true when Payara says it is deployed. */
    static boolean deploy(String name, File war) {
        return (Boolean) call("deploy", new Class<?>[] {String.class, String.class, File.class}, name, name, war);
    }

    static void undeploy(String name) {
        call("undeploy", new Class<?>[] {String.class}, name);
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
