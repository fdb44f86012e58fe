package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's log file: Payara Micro's {@code target/payara-micro.log} (server-config/logging.properties,
 * java.io.tmpdir), or the file the system property {@code cognitoee.serverLog} names (the payara-server profile:
 * the domain's {@code logs/server.log}).
 */
public final class PayaraLog {

    private PayaraLog() {
    }

    /**
     * Everything logged so far by the Payara instances of this build: the log file and its siblings whose names
     * start with its name (a locked file gets a numbered sibling, a rotated one a dated sibling).
     */
    public static String read() {
        String serverLog = System.getProperty("cognitoee.serverLog");
        Path log = serverLog == null ? TestSettings.buildDir().resolve("payara-micro.log") : Path.of(serverLog);
        String name = log.getFileName().toString();
        try (Stream<Path> files = Files.list(log.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(name))
                    .sorted()
                    .map(PayaraLog::readFile)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
