package dev.cognitoee.it.server;

import dev.cognitoee.it.support.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code asadmin} of the Payara Server that the {@code payara-server} profile unpacked and started, pointed at its
 * domain's admin port: the commands a user types, run as they would be.
 */
final class Asadmin {

    /** Bound on one command; a deployment on a busy machine takes well under a minute. */
    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;
    private final String adminPort;

    private Asadmin(Path executable, String adminPort) {
        this.executable = executable;
        this.adminPort = adminPort;
    }

    /** The profile's server, from the system properties failsafe sets in the {@code payara-server} profile. */
    static Asadmin ofProfile() {
        return new Asadmin(Path.of(TestSettings.required("cognitoee.payaraServerHome"), "bin", "asadmin"),
                TestSettings.required("cognitoee.payaraServerAdminPort"));
    }

    /** What a command printed, and its exit status. */
    record Result(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs {@code asadmin --port <admin port> <command...>} and waits for it (bounded). */
    Result run(String... command) {
        List<String> line = new ArrayList<>(List.of(executable.toString(), "--port", adminPort,
                "--interactive=false"));
        line.addAll(List.of(command));
        try {
            Path output = Files.createTempFile(TestSettings.buildDir(), "asadmin", ".out");
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(line + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), printed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code commands} (each an asadmin command line without {@code asadmin}) in one asadmin process, {@code
     * multimode --file}: one JVM start instead of one per command. A failing command does not stop the others.
     */
    Result runAll(List<String> commands) {
        try {
            Path file = Files.createTempFile(TestSettings.buildDir(), "asadmin", ".commands");
            Files.write(file, commands, StandardCharsets.UTF_8);
            try {
                return run("multimode", "--file", file.toString());
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One {@code name=value} operand of {@code create-system-properties}: asadmin splits the list at {@code :} and
     * each pair at {@code =}, so both are escaped with a backslash in values (a URL's colons).
     */
    static String systemProperty(String name, String value) {
        return name + "=" + value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
