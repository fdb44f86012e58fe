package dev.cognitoee.it.bench;

import dev.cognitoee.it.bench.app.AdminResource;
import dev.cognitoee.it.bench.floor.FloorApi;
import dev.cognitoee.it.bench.module.ModuleApi;
import dev.cognitoee.it.bench.mpjwt.MpJwtApi;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the end-to-end benchmark runs against: cognito-local seeded with {@link CognitoFixture}'s pool, the access
 * tokens it minted, and three Payara Micro servers side by side with one WAR each (the module, the no-crypto floor,
 * Payara's MP-JWT), each recording JFR from launch. Booted one after the other to keep the machine's load modest.
 * The module reaches the emulator through an {@link EmulatorCallCounter}.
 */
final class BenchStack implements AutoCloseable {

    static final String MODULE = "module";
    static final String FLOOR = "floor";
    static final String MPJWT = "mpjwt";

    /** One warm server: its process, its WAR's base URL and its JFR file (complete once the server stopped). */
    record Server(String name, PayaraMicroProcess payara, String baseUrl, Path recording) {
    }

    private final CognitoLocal emulator;
    private final EmulatorCallCounter calls;
    private final CognitoFixture fixture;
    private final String token;
    private final Path tokenFile;
    private final int tokenCount;
    private final Map<String, Server> servers = new LinkedHashMap<>();

    private BenchStack(CognitoLocal emulator, EmulatorCallCounter calls, CognitoFixture fixture, String token,
                       Path tokenFile, int tokenCount) {
        this.emulator = emulator;
        this.calls = calls;
        this.fixture = fixture;
        this.token = token;
        this.tokenFile = tokenFile;
        this.tokenCount = tokenCount;
    }

    /**
     * Starts the emulator, mints {@code tokens} distinct access tokens of {@code alice} (admin), and boots the
     * servers; the module keeps at most {@code cacheSize} verified tokens.
     */
    static BenchStack start(int tokens, int cacheSize) {
        CognitoLocal emulator = CognitoLocal.startWithoutTriggers(FreePort.next());
        EmulatorCallCounter calls = EmulatorCallCounter.start(emulator.endpoint());
        BenchStack stack = null;
        try {
            CognitoFixture fixture = CognitoFixture.seed(emulator);
            String token = fixture.signIn(CognitoFixture.ALICE).accessToken();
            Set<String> minted = new LinkedHashSet<>();
            long started = System.nanoTime();
            while (minted.size() < tokens) {
                minted.add(fixture.signIn(CognitoFixture.ALICE).accessToken());
            }
            System.out.printf("Minted %d distinct access tokens in %.1f s%n", minted.size(),
                    (System.nanoTime() - started) / 1e9);
            Path tokenFile = TestSettings.buildDir().resolve("e2e-tokens.txt");
            Files.write(tokenFile, minted);
            stack = new BenchStack(emulator, calls, fixture, token, tokenFile, minted.size());
            stack.boot(FLOOR, floorWar(token));
            stack.boot(MODULE, moduleWar(fixture, calls, cacheSize));
            stack.boot(MPJWT, mpJwtWar(fixture));
            return stack;
        } catch (IOException | RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                calls.close();
                emulator.stop();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void boot(String name, WebArchive war) {
        String serverName = "e2e-" + name;
        Path recording = TestSettings.buildDir().resolve(serverName).resolve("recording.jfr");
        List<String> jvm = new ArrayList<>(List.of("-Xms512m",
                "-XX:StartFlightRecording=name=e2e,settings=default,dumponexit=true,filename=" + recording));
        System.out.println("Booting Payara Micro with the " + name + " WAR...");
        PayaraMicroProcess payara = PayaraMicroProcess.boot(serverName, List.of(war), FreePort.next(), Map.of(),
                List.of(), jvm);
        servers.put(name, new Server(name, payara, payara.url(name).toString(), recording));
        if (!payara.output().contains(" " + name + " was successfully deployed")) {
            throw new IllegalStateException("The " + name + " WAR did not deploy; see " + payara.log());
        }
    }

    /** The module's WAR, calling the emulator through the counting proxy (same issuer: tokens are unchanged). */
    private static WebArchive moduleWar(CognitoFixture fixture, EmulatorCallCounter calls, int cacheSize) {
        Map<String, String> config = new LinkedHashMap<>(TestWars.poolSettings(fixture));
        config.put("cognito.endpoint", calls.endpoint().toString());
        config.put("cognito.jwks-uri", calls.endpoint() + "/" + fixture.poolId + "/.well-known/jwks.json");
        config.put("cognito.token-cache-size", Integer.toString(cacheSize));
        return TestWars.war(MODULE, config, ModuleApi.class.getPackage())
                .addPackage(AdminResource.class.getPackage());
    }

    private static WebArchive floorWar(String token) {
        return ShrinkWrap.create(WebArchive.class, FLOOR + ".war")
                .addPackage(FloorApi.class.getPackage())
                .addPackage(AdminResource.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset("bench.floor-header=Bearer " + token + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    private static WebArchive mpJwtWar(CognitoFixture fixture) {
        CognitoLocal emulator = fixture.emulator();
        // Cognito's tokens have no "typ" header, and their groups are in "cognito:groups": Payara reads these three
        // switches from payara-mp-jwt.properties (Payara 6) or from MicroProfile Config (later versions)
        Map<String, String> cognito = new LinkedHashMap<>();
        cognito.put("disable.type.verification", "true");
        cognito.put("enable.namespace", "true");
        cognito.put("custom.namespace", "cognito:");
        Map<String, String> config = new LinkedHashMap<>(cognito);
        config.put("mp.jwt.verify.publickey.location", emulator.jwksUri(fixture.poolId));
        config.put("mp.jwt.verify.issuer", emulator.issuer(fixture.poolId));
        String payara = properties(cognito);
        return ShrinkWrap.create(WebArchive.class, MPJWT + ".war")
                .addPackage(MpJwtApi.class.getPackage())
                .addPackage(AdminResource.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(payara), "payara-mp-jwt.properties")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    private static String properties(Map<String, String> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    Server server(String name) {
        return servers.get(name);
    }

    /** The access token of the cached-bearer, floor and MP-JWT rows. */
    String token() {
        return token;
    }

    /** The file of distinct tokens of the first-sight row, one per line. */
    Path tokenFile() {
        return tokenFile;
    }

    int tokenCount() {
        return tokenCount;
    }

    CognitoFixture fixture() {
        return fixture;
    }

    /** The counter of the module's calls to the emulator (JWKS and API). */
    EmulatorCallCounter calls() {
        return calls;
    }

    /** Signs alice in through the module's {@code j_security_check} (JSON) and returns her session id. */
    String signedInSession() {
        String body = Json.createObjectBuilder().add("username", CognitoFixture.ALICE)
                .add("password", CognitoFixture.PASSWORD).build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server(MODULE).baseUrl() + "j_security_check"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Sign-in failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("The sign-in set no JSESSIONID cookie"));
    }

    /** Stops the servers (each then writes its JFR file) and the emulator. */
    @Override
    public void close() {
        servers.values().forEach(server -> server.payara().close());
        calls.close();
        emulator.stop();
    }
}
