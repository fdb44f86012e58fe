package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.support.TestSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The published test-kit jar ({@code cognito-ee-<version>-testkit.jar}, built at {@code package}): it holds the
 * kit's package and nothing else of the test classes, and its classes need only the JDK and Nimbus, which is what
 * docs/TESTING.md tells users to add.
 */
class TestKitJarIT {

    private static final String KIT = "dev/cognitoee/testkit/";
    /** What the kit's classes may use: the JDK's java.* and its HTTP server, Nimbus, and the kit itself. */
    private static final Pattern ALLOWED = Pattern.compile(
            "java\\..*|com\\.sun\\.net\\.httpserver|com\\.nimbusds\\..*|dev\\.cognitoee\\.testkit");

    private static Path kitJar() {
        String module = TestSettings.moduleJar().toString();
        return Path.of(module.substring(0, module.length() - ".jar".length()) + "-testkit.jar");
    }

    @Test
    void theJarHoldsTheKitOnly() throws IOException {
        assertThat(kitJar()).exists();
        try (JarFile jar = new JarFile(kitJar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();

            assertThat(names).contains(KIT + "TestUserPool.class", KIT + "TokenBuilder.class", KIT + "TokenFlaw.class",
                    KIT + "SigningKey.class", KIT + "JwksEndpoint.class");
            assertThat(names).as("only the kit's package, and the jar's own metadata")
                    .allMatch(name -> name.startsWith(KIT) || name.startsWith("META-INF/")
                            || KIT.startsWith(name));
            assertThat(names).as("not the kit's own tests").noneMatch(name -> name.endsWith("Test.class"));
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.cognitoee.testkit");
        }
    }

    @Test
    void itsClassesNeedOnlyTheJdkAndNimbus() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", kitJar().toString());
        assertThat(status).as(out.toString()).isZero();

        Set<String> used = new TreeSet<>();
        Matcher dependency = Pattern.compile("(?m)^\\s+dev\\.cognitoee\\.testkit\\s+->\\s+(\\S+)").matcher(out.toString());
        while (dependency.find()) {
            used.add(dependency.group(1));
        }
        assertThat(used).as(out.toString()).contains("com.nimbusds.jose", "com.sun.net.httpserver")
                .allMatch(pkg -> ALLOWED.matcher(pkg).matches());
    }

    @Test
    void theSourcesJarHoldsTheKitOnly() throws IOException {
        String kit = kitJar().toString();
        Path sources = Path.of(kit.substring(0, kit.length() - ".jar".length()) + "-sources.jar");
        assertThat(Files.exists(sources)).as(sources.toString()).isTrue();
        try (JarFile jar = new JarFile(sources.toFile())) {
            assertThat(Collections.list(jar.entries()).stream().map(e -> e.getName()).toList())
                    .contains(KIT + "TestUserPool.java", KIT + "package-info.java")
                    .allMatch(name -> name.startsWith(KIT) || name.startsWith("META-INF/") || KIT.startsWith(name))
                    .noneMatch(name -> name.endsWith("Test.java"));
        }
    }
}
