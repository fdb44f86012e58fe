package dev.cognitoee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The real {@code cognito-local} emulator (npm, pinned in {@code src/test/cognito-local/package-lock.json}), started
 * once per test JVM on a free loopback port in a fresh state directory under {@code target/}, and stopped when the
 * JVM ends (output in {@code cognito-local.log} of that directory). Tests read the confirmation codes it issues from
 * its state; its Lambda triggers call the {@link LambdaRecorder}.
 */
public final class CognitoLocal {

    public static final Region REGION = Region.US_EAST_1;

    private static CognitoLocal shared;

    private final Process process;
    private final int port;
    private final Path stateDir;
    private final Path logFile;

    private CognitoLocal(Process process, int port, Path stateDir) {
        this.process = process;
        this.port = port;
        this.stateDir = stateDir;
        this.logFile = stateDir.resolve("cognito-local.log");
    }

    /** The emulator of this test JVM, started on first use; its Lambda triggers call the {@link LambdaRecorder}. */
    public static synchronized CognitoLocal shared() {
        if (shared == null) {
            shared = start(FreePort.next(), config(LambdaRecorder.shared()));
        }
        return shared;
    }

    /**
     * An emulator of its own on {@code port}, with no Lambda triggers: a plain user pool service, as the demo uses.
     * It stops when the JVM ends.
     */
    public static CognitoLocal startWithoutTriggers(int port) {
        return start(port, plainUsernames().build().toString());
    }

    private static CognitoLocal start(int port, String config) {
        try {
            Path stateDir = Files.createDirectories(TestSettings.buildDir()
                    .resolve("cognito-local-" + port + "-" + Instant.now().toEpochMilli()));
            Files.createDirectories(stateDir.resolve(".cognito"));
            Files.writeString(stateDir.resolve(".cognito/config.json"), config);
            return start(port, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start cognito-local", e);
        }
    }

    /**
     * Kills the emulator at once (SIGKILL, as a crash or a lost network would), for outage tests. Its state stays:
     * {@link #restarted()} brings the same pools, users and signing keys back on the same port.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new emulator process on this one's port and state, once this one is stopped or killed. */
    public CognitoLocal restarted() {
        if (process.isAlive()) {
            throw new IllegalStateException("kill() the emulator before restarting it");
        }
        return start(port, stateDir);
    }

    private static CognitoLocal start(int port, Path stateDir) {
        Path installation = Path.of(TestSettings.required("cognitoee.cognitoLocalDir"));
        Path startScript = installation.resolve("node_modules/cognito-local/lib/bin/start.js");
        if (!Files.isRegularFile(startScript)) {
            throw new IllegalStateException("cognito-local is not installed at " + installation
                    + ": run 'npm ci' there (the Maven build does it in pre-integration-test)");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("node", startScript.toString())
                    .directory(stateDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("cognito-local.log").toFile()));
            builder.environment().put("PORT", Integer.toString(port));
            CognitoLocal emulator = new CognitoLocal(builder.start(), port, stateDir);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator.process::destroy));
            emulator.awaitHealthy(Duration.ofSeconds(30));
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start cognito-local", e);
        }
    }

    /** Plain usernames (not emails or phone numbers) in every pool the emulator creates. */
    private static JsonObjectBuilder plainUsernames() {
        return Json.createObjectBuilder().add("UserPoolDefaults",
                Json.createObjectBuilder().add("UsernameAttributes", Json.createArrayBuilder()));
    }

    /** Plain usernames; every trigger the tests look at goes to the recorder. */
    private static String config(LambdaRecorder triggers) {
        return plainUsernames()
                .add("LambdaClient", Json.createObjectBuilder()
                        .add("endpoint", triggers.endpoint())
                        .add("region", "local")
                        .add("credentials", Json.createObjectBuilder()
                                .add("accessKeyId", "local").add("secretAccessKey", "local")))
                .add("TriggerFunctions", Json.createObjectBuilder()
                        .add("PreSignUp", "preSignUp")
                        .add("PostConfirmation", "postConfirmation")
                        .add("CustomMessage", "customMessage")
                        .add("PostAuthentication", "postAuthentication")
                        .add("PreTokenGeneration", "preTokenGeneration"))
                .build().toString();
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cognito-local exited; its output is in " + logFile);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(endpoint().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("cognito-local did not become healthy in " + timeout);
    }

    /** Stops the emulator (its state directory stays, for a look afterwards). */
    public void stop() {
        process.destroy();
    }

    /** Everything the emulator prints, such as the codes it "sends". */
    public Path logFile() {
        return logFile;
    }

    public int port() {
        return port;
    }

    /** The base URL of the emulator's API, as {@code cognito.endpoint} would take it. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** The {@code iss} of tokens of {@code poolId}. */
    public String issuer(String poolId) {
        return "http://localhost:" + port + "/" + poolId;
    }

    /** Where the emulator publishes the keys of {@code poolId}. */
    public String jwksUri(String poolId) {
        return issuer(poolId) + "/.well-known/jwks.json";
    }

    /** An SDK client for the emulator, with retries off (it answers unsupported calls with 500). */
    public CognitoIdentityProviderClient client() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * The confirmation code the emulator last issued to {@code username} (sign-up or password reset), read from
     * its state, which it saves before answering the call that sent the code. (It prints the code too, but its
     * output can reach us seconds later.)
     */
    public String confirmationCode(String poolId, String username) {
        Path state = stateDir.resolve(".cognito/db/" + poolId + ".json");
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(state, StandardCharsets.UTF_8))) {
            JsonObject user = reader.readObject().getJsonObject("Users").getJsonObject(username);
            if (user == null || user.getString("ConfirmationCode", null) == null) {
                throw new IllegalStateException("The emulator issued no code to " + username);
            }
            return user.getString("ConfirmationCode");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The attribute verification code the emulator last issued to {@code username} (UpdateUserAttributes of an
     * email, GetUserAttributeVerificationCode), read from its state as {@link #confirmationCode} reads its codes.
     */
    public String attributeVerificationCode(String poolId, String username) {
        Path state = stateDir.resolve(".cognito/db/" + poolId + ".json");
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(state, StandardCharsets.UTF_8))) {
            JsonObject user = reader.readObject().getJsonObject("Users").getJsonObject(username);
            if (user == null || user.getString("AttributeVerificationCode", null) == null) {
                throw new IllegalStateException("The emulator issued no attribute code to " + username);
            }
            return user.getString("AttributeVerificationCode");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
