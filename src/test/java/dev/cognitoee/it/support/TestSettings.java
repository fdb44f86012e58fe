package dev.cognitoee.it.support;

import java.nio.file.Path;

/** The paths the Maven build hands to the integration tests as system properties (see pom.xml, failsafe). */
public final class TestSettings {

    private TestSettings() {
    }

    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration tests "
                    + "through Maven (mvn verify), which sets it");
        }
        return value;
    }

    public static Path buildDir() {
        return Path.of(required("cognitoee.buildDir"));
    }

    public static Path moduleJar() {
        return Path.of(required("cognitoee.moduleJar"));
    }

    public static Path serverConfigDir() {
        return Path.of(required("cognitoee.serverConfigDir"));
    }

    /** The major version of the Payara Micro the integration tests run on (6, or 7 with the payara7 profile). */
    public static int payaraMajorVersion() {
        String version = required("cognitoee.payaraVersion");
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }
}
