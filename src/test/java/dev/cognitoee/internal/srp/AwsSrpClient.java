package dev.cognitoee.internal.srp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * AWS's own Cognito SRP client, {@code amazon-cognito-identity-js} under Node.js, driven by {@code
 * src/test/srp-reference/aws-client.js}: it runs the client's USER_SRP_AUTH sign-in on fixed inputs and tells what
 * it computed and sent. The package is pinned by {@code src/test/srp-reference/package-lock.json}; the Maven build
 * installs it (profile {@code install-srp-reference}).
 */
final class AwsSrpClient {

    private static final Path DIRECTORY = Path.of("src/test/srp-reference");
    private static final long TIMEOUT_SECONDS = 60;

    private AwsSrpClient() {
    }

    /** The client's results for {@code cases} (see aws-client.js for both shapes), one per case, in order. */
    static JsonArray run(JsonArray cases) throws IOException, InterruptedException {
        return run("aws-client.js", cases);
    }

    /** The results of {@code script} (a script of src/test/srp-reference) for {@code cases}, one per case. */
    static JsonArray run(String script, JsonArray cases) throws IOException, InterruptedException {
        if (!Files.exists(DIRECTORY.resolve("node_modules/amazon-cognito-identity-js/package.json"))) {
            throw new IllegalStateException("AWS's SRP client is not installed: run `npm ci` in " + DIRECTORY
                    + " (a Maven build does it when it is missing: profile install-srp-reference)");
        }
        Path work = Files.createTempDirectory("aws-srp-client");
        try {
            Path input = Files.writeString(work.resolve("cases.json"), cases.toString(), StandardCharsets.UTF_8);
            Path output = work.resolve("results.json");
            Path errors = work.resolve("errors.txt");
            Process node = new ProcessBuilder("node", script).directory(DIRECTORY.toFile())
                    .redirectInput(input.toFile()).redirectOutput(output.toFile()).redirectError(errors.toFile())
                    .start();
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("AWS's SRP client did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("AWS's SRP client failed: " + Files.readString(errors));
            }
            return Json.createReader(new StringReader(Files.readString(output, StandardCharsets.UTF_8))).readArray();
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }
}
