package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the WARs the integration tests deploy: the packaged module jar (exactly what users get, with its
 * relocated Nimbus) and its runtime dependencies (the AWS SDK) in {@code WEB-INF/lib}, the test application's
 * classes, and its MicroProfile Config.
 */
public final class TestWars {

    private TestWars() {
    }

    /** A WAR named {@code name}.war using the module, with {@code config} as its microprofile-config.properties. */
    public static WebArchive war(String name, Map<String, String> config, Package appPackage) {
        return moduleWar(name)
                .addPackage(appPackage)
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    /** A WAR named {@code name}.war with the module and its runtime dependencies in {@code WEB-INF/lib}, only. */
    public static WebArchive moduleWar(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(TestSettings.moduleJar().toFile(), "cognito-ee.jar");
        for (String jar : TestSettings.required("cognitoee.runtimeClasspath").split(File.pathSeparator)) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }

    /**
     * Adds the AWS SDK libraries the test application uses itself (S3, say) that the module does not bring: the
     * {@code software.amazon} jars of the test classpath.
     */
    public static WebArchive withApplicationAwsSdk(WebArchive war) {
        java.util.Set<String> module = java.util.Set.of(
                TestSettings.required("cognitoee.runtimeClasspath").split(File.pathSeparator));
        for (String jar : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (jar.contains(File.separator + "software" + File.separator + "amazon" + File.separator)
                    && !module.contains(jar)) {
                war.addAsLibrary(new File(jar));
            }
        }
        return war;
    }

    /** The settings that point the module at the seeded emulator pool. */
    public static Map<String, String> poolSettings(CognitoFixture fixture) {
        return poolSettings(fixture.emulator(), fixture.poolId, fixture.clientId);
    }

    /** The settings that point the module at {@code poolId} of {@code emulator}, for {@code clientId}'s tokens. */
    public static Map<String, String> poolSettings(CognitoLocal emulator, String poolId, String clientId) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cognito.region", CognitoLocal.REGION.id());
        settings.put("cognito.user-pool-id", poolId);
        settings.put("cognito.client-id", clientId);
        settings.put("cognito.endpoint", emulator.endpoint().toString());
        settings.put("cognito.issuer", emulator.issuer(poolId));
        settings.put("cognito.jwks-uri", emulator.jwksUri(poolId));
        return settings;
    }

    /**
     * Fails fast when the deployment failed: Payara Micro then still starts, Arquillian hands out the bare server
     * URL, and every test would only see 404s.
     */
    public static void assertDeployed(URL base, String name) {
        assertThat(base).as("deployment URL (a failed deployment has no context root; see payara-micro.log)")
                .isNotNull();
        assertThat(base.getPath()).as("context root of %s (a failed deployment has none; see payara-micro.log)", base)
                .isEqualTo("/" + name + "/");
    }

    private static String properties(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
