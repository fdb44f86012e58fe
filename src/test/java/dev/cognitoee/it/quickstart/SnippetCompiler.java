package dev.cognitoee.it.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java snippets with the JDK's own compiler, as a user's build would compile them: for Java 17 (the
 * module's baseline), against the classpath the user's dependencies give, without annotation processors. Errors name
 * the README line they come from.
 */
public final class SnippetCompiler {

    /** The Java release the README promises to work with (a JDK 17 or later). */
    static final String RELEASE = "17";

    private SnippetCompiler() {
    }

    /**
     * Compiles {@code sources} against {@code classpath} into {@code outputDir}.
     *
     * @throws AssertionError listing every error, by README line, when they do not compile
     */
    public static void compile(Collection<Snippet> sources, List<Path> classpath, Path outputDir) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in " + System.getProperty("java.home")
                    + ": the quickstart test needs a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(outputDir);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            List<SnippetSource> units = sources.stream().map(SnippetSource::new).toList();
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("--release", RELEASE, "-proc:none"), null, units).call();
            if (!compiled) {
                throw new AssertionError("The README's quickstart does not compile:\n" + report(diagnostics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String report(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource() instanceof SnippetSource source
                        ? "README.md:" + source.snippet.readmeLine(d.getLineNumber()) + " (" + source.snippet.path()
                                + "): " + d.getMessage(Locale.ROOT)
                        : d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** A snippet as a compilation unit; its name is the path the README gives it (javac checks the class name). */
    private static final class SnippetSource extends SimpleJavaFileObject {

        private final Snippet snippet;

        SnippetSource(Snippet snippet) {
            super(URI.create("string:///" + snippet.path()), Kind.SOURCE);
            this.snippet = snippet;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return snippet.text();
        }
    }
}
