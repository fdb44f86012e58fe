package dev.cognitoee.it.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the README's quickstart blocks are found and compiled, without a server: {@code QuickstartIT} deploys them.
 * A broken marker or a broken snippet must fail loudly, naming the README line.
 */
class ReadmeQuickstartTest {

    @TempDir
    Path classes;

    @Test
    void aMarkedBlockInsideAListItemIsReadWithoutTheItemsIndentation() {
        Map<String, Snippet> snippets = ReadmeSnippets.parse("X.md", List.of(
                "1. Do this:",
                "   <!-- quickstart: src/main/webapp/a.html -->",
                "   ```html",
                "   <p>",
                "",
                "       <b>x</b>",
                "   ```",
                "   ```sh",
                "   not marked",
                "   ```"));

        assertThat(snippets).containsOnlyKeys("src/main/webapp/a.html");
        Snippet snippet = snippets.get("src/main/webapp/a.html");
        assertThat(snippet.text()).isEqualTo("<p>\n\n    <b>x</b>\n");
        assertThat(snippet.firstLine()).isEqualTo(4);
        assertThat(snippet.readmeLine(3)).isEqualTo(6);
    }

    @Test
    void aMarkerWithoutABlockIsAnError() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("X.md", List.of("<!-- quickstart: a.txt -->", "text")))
                .hasMessage("X.md:1: the marker of a.txt is not followed by a fenced code block on the next line");
        assertThatThrownBy(() -> ReadmeSnippets.parse("X.md", List.of("", "<!-- quickstart: a.txt -->")))
                .hasMessageStartingWith("X.md:2: the marker of a.txt");
    }

    @Test
    void anUnclosedOrOutdentedBlockIsAnError() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("X.md", List.of("<!-- quickstart: a.txt -->", "```", "a")))
                .hasMessage("X.md:2: the code block of a.txt is never closed");
        assertThatThrownBy(() -> ReadmeSnippets.parse("X.md",
                List.of("  <!-- quickstart: a.txt -->", "  ```", "  a", " b", "  ```")))
                .hasMessage("X.md:4: a line of a.txt is indented less than its code block's fence");
    }

    @Test
    void aPathMarkedTwiceIsAnError() {
        assertThatThrownBy(() -> ReadmeSnippets.parse("X.md", List.of(
                "<!-- quickstart: a.txt -->", "```", "a", "```",
                "<!-- quickstart: a.txt -->", "```", "b", "```")))
                .hasMessage("X.md:5: a.txt is marked twice");
    }

    @Test
    void theReadmesDependenciesAreTheModuleAndTheProvidedApisItsSnippetsUse() {
        List<Dependency> dependencies = Dependency.parse(readme().get(QuickstartWar.DEPENDENCIES));

        assertThat(dependencies).extracting(Dependency::artifactId, Dependency::scope).containsExactly(
                tuple("cognito-ee", "compile"),
                tuple("jakarta.jakartaee-api", "provided"),
                tuple("microprofile-jwt-auth-api", "provided"));
    }

    @Test
    void theReadmesSettingsAreThePoolAndTheClientAndTheDeploymentMustReplaceEach() {
        Map<String, Snippet> readme = readme();
        Map<String, String> pool = Map.of("cognito.user-pool-id", "local_1", "cognito.client-id", "c1",
                "cognito.endpoint", "http://localhost:1");

        assertThat(QuickstartWar.replacingEveryReadmeSetting(readme, pool)).isSameAs(pool);
        assertThatThrownBy(() -> QuickstartWar.replacingEveryReadmeSetting(readme,
                Map.of("cognito.user-pool-id", "local_1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sets [cognito.client-id], which the test's deployment does not set");
        Map<String, Snippet> typo = ReadmeSnippets.parse("README.md", List.of(
                "<!-- quickstart: " + QuickstartWar.SETTINGS + " -->", "```properties",
                "cognito.userpool-id=eu-west-1_AbC123", "cognito.client-id=4f1example", "```"));
        assertThatThrownBy(() -> QuickstartWar.replacingEveryReadmeSetting(typo, pool))
                .hasMessageStartingWith("README.md:3: " + QuickstartWar.SETTINGS + " sets [cognito.userpool-id]");
    }

    @Test
    void theReadmesJavaCompilesAgainstTheTestClasspath() throws IOException {
        SnippetCompiler.compile(javaSnippets(readme()), testClasspath(), classes);

        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> classes.relativize(f).toString()))
                    .contains("com/example/SecurityConfig.class", "com/example/OrdersResource.class");
        }
    }

    @Test
    void aTypoInAnImportFailsNamingTheReadmeLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(QuickstartWar.readme()));
        int importLine = lines.indexOf("   import jakarta.ws.rs.GET;");
        assertThat(importLine).as("the README's resource imports jakarta.ws.rs.GET").isNotNegative();
        lines.set(importLine, "   import jakarta.ws.rs.GETT;");

        assertThatThrownBy(() -> SnippetCompiler.compile(javaSnippets(ReadmeSnippets.parse("README.md", lines)),
                testClasspath(), classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("README.md:" + (importLine + 1)
                        + " (src/main/java/com/example/OrdersResource.java): cannot find symbol");
    }

    private static Map<String, Snippet> readme() {
        return ReadmeSnippets.read(QuickstartWar.readme());
    }

    private static List<Snippet> javaSnippets(Map<String, Snippet> snippets) {
        return snippets.values().stream().filter(s -> s.path().startsWith(QuickstartWar.JAVA)).toList();
    }

    private static List<Path> testClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }
}
