package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Deletes the temp folders Payara Micro's Arquillian container leaves behind ({@code arquillian-payara-micro*}, a
 * copy of each deployment, about 13 MB per test class), once every test of the run is done. Payara's own runtime
 * folder ({@code payaramicro-rt*}) is left to Payara, which removes it as it exits (possibly just after this runs).
 * Registered through {@code META-INF/services}. It only sweeps when the JVM's temp folder is the build folder
 * (failsafe's {@code -Djava.io.tmpdir=target}), never a shared system temp folder, and a folder it cannot delete
 * is reported on stderr, never failing the run.
 */
public final class ServerTempSweeper implements LauncherSessionListener {

    private static final String LEFTOVERS = "arquillian-payara-micro*";

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String buildDir = System.getProperty("cognitoee.buildDir");
        if (buildDir == null) {
            return;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!tmp.equals(Path.of(buildDir).toAbsolutePath().normalize())) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp, LEFTOVERS)) {
            for (Path folder : leftovers) {
                deleteTree(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove Payara's temp folders in " + tmp + ": " + e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (NoSuchFileException gone) {
            // already removed: nothing left to do
        }
    }
}
