package dev.cognitoee.it.quickstart;

import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR a user gets by following the README's five-minute integration: its marked blocks are the project's files,
 * the Java ones compiled here against what the README's dependencies give (the module, its own dependencies, and
 * the provided APIs), and packaged as Maven's war plugin would: classes and resources in {@code WEB-INF/classes},
 * web files at the root, the module and its runtime dependencies in {@code WEB-INF/lib}.
 */
public final class QuickstartWar {

    /** The marker of the README's pom.xml fragment: the {@code <dependency>} elements a user adds. */
    public static final String DEPENDENCIES = "pom.xml dependencies";
    static final String JAVA = "src/main/java/";
    static final String RESOURCES = "src/main/resources/";
    static final String WEBAPP = "src/main/webapp/";
    static final String SETTINGS = RESOURCES + "META-INF/microprofile-config.properties";
    static final String MODULE_GROUP = "dev.cognitoee";
    static final String MODULE_ARTIFACT = "cognito-ee";

    private QuickstartWar() {
    }

    /**
     * The README of this build, two folders above the test classes ({@code target/test-classes}): the same path
     * under surefire and failsafe, whose working directories (and {@code basedir} properties) differ.
     */
    public static Path readme() {
        try {
            Path testClasses = Path.of(QuickstartWar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().getParent().resolve("README.md");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The WAR {@code name}.war built from the README, plus {@code settings} in a jar of their own with a higher
     * config ordinal than the WAR's microprofile-config.properties. They play the part of the environment variables a
     * deployment would set, so the README's file goes into the WAR as printed.
     */
    public static WebArchive build(String name, Map<String, String> settings) {
        Map<String, Snippet> snippets = ReadmeSnippets.read(readme());
        Snippet dependencies = snippets.get(DEPENDENCIES);
        if (dependencies == null) {
            throw new IllegalStateException("README.md marks no " + DEPENDENCIES + " block");
        }
        Path classes = TestSettings.buildDir().resolve("quickstart-classes");
        deleteRecursively(classes); // a class left from an earlier run must not stand in for a snippet removed since
        SnippetCompiler.compile(snippets.values().stream().filter(s -> s.path().startsWith(JAVA)).toList(),
                compileClasspath(Dependency.parse(dependencies)), classes);

        WebArchive war = TestWars.moduleWar(name);
        addTree(war, classes, "WEB-INF/classes/");
        for (Snippet snippet : snippets.values()) {
            String path = snippet.path();
            if (path.startsWith(RESOURCES)) {
                war.add(new StringAsset(snippet.text()), "WEB-INF/classes/" + path.substring(RESOURCES.length()));
            } else if (path.startsWith(WEBAPP)) {
                war.add(new StringAsset(snippet.text()), path.substring(WEBAPP.length()));
            } else if (!path.startsWith(JAVA) && !path.equals(DEPENDENCIES)) {
                throw new IllegalStateException("README.md:" + snippet.firstLine() + ": " + path + " is not under "
                        + JAVA + ", " + RESOURCES + " or " + WEBAPP + ": the test does not know where it goes");
            }
        }
        return war.addAsLibrary(settingsJar(replacingEveryReadmeSetting(snippets, settings)));
    }

    /**
     * {@code settings}, once every key of the README's microprofile-config.properties is among them: a value left
     * from the README would point the WAR at the README's example pool, and a key no deployment sets is a typo.
     */
    static Map<String, String> replacingEveryReadmeSetting(Map<String, Snippet> snippets, Map<String, String> settings) {
        Snippet file = snippets.get(SETTINGS);
        if (file == null) {
            throw new IllegalStateException("README.md marks no " + SETTINGS + " block");
        }
        Properties readme = new Properties();
        try {
            readme.load(new StringReader(file.text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unknown = new TreeSet<>(readme.stringPropertyNames());
        unknown.removeAll(settings.keySet());
        if (!unknown.isEmpty()) {
            throw new AssertionError("README.md:" + file.firstLine() + ": " + SETTINGS + " sets " + unknown
                    + ", which the test's deployment does not set (a typo, or a setting the test must replace): "
                    + settings.keySet());
        }
        return settings;
    }

    /**
     * What the README's dependencies put on a user's compile classpath: the module jar of this build (whose name
     * must carry the README's version) with its runtime dependencies, and each {@code provided} API from the local
     * Maven repository, in the version the README names.
     */
    static List<Path> compileClasspath(List<Dependency> dependencies) {
        List<Path> classpath = new ArrayList<>();
        for (Dependency dependency : dependencies) {
            if (dependency.groupId().equals(MODULE_GROUP) && dependency.artifactId().equals(MODULE_ARTIFACT)) {
                Path module = TestSettings.moduleJar();
                String expected = MODULE_ARTIFACT + "-" + dependency.version() + ".jar";
                if (!module.getFileName().toString().equals(expected)) {
                    throw new AssertionError("The README's dependency " + dependency + " is not what this build makes: "
                            + module.getFileName());
                }
                classpath.add(module);
                Stream.of(TestSettings.required("cognitoee.runtimeClasspath").split(File.pathSeparator))
                        .map(Path::of).forEach(classpath::add);
            } else if (dependency.scope().equals("provided")) {
                Path jar = Path.of(TestSettings.required("localRepository"), dependency.repositoryPath());
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("The README's dependency " + dependency + " is not in the local "
                            + "Maven repository (" + jar + "): mvn dependency:get -Dartifact="
                            + dependency.groupId() + ":" + dependency.artifactId() + ":" + dependency.version());
                }
                classpath.add(jar);
            } else {
                throw new IllegalStateException("The README's dependency " + dependency + " would go into the WAR "
                        + "with dependencies of its own, which this test does not resolve: only the module and "
                        + "provided APIs are expected in the quickstart");
            }
        }
        return classpath;
    }

    private static JavaArchive settingsJar(Map<String, String> settings) {
        String properties = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "config_ordinal=300\n", "\n"));
        return ShrinkWrap.create(JavaArchive.class, "deployment-settings.jar")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }

    private static void addTree(WebArchive war, Path root, String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> war.add(new FileAsset(file.toFile()),
                    prefix + root.relativize(file).toString().replace(File.separatorChar, '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
