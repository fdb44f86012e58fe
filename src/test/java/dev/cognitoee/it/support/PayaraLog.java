package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Payara Micro's log file, {@code target/payara-micro.log} (server-config/logging.properties, java.io.tmpdir). */
public final class PayaraLog {

    private PayaraLog() {
    }

    /** Everything logged so far by the Payara instances of this build (a locked file gets a numbered sibling). */
    public static String read() {
        try (Stream<Path> files = Files.list(TestSettings.buildDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("payara-micro.log"))
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
