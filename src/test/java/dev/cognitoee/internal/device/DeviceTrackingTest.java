package dev.cognitoee.internal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.cluster.Grid;
import dev.cognitoee.internal.cluster.SharedMap;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.userpool.RecordingHttpClient;
import dev.cognitoee.internal.userpool.SignInAnswer;
import dev.cognitoee.internal.userpool.UserPoolClient;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * Device tracking around a sign-in, on Cognito's answer shapes: a new device is confirmed and the browser gets only
 * a handle; the handle's device is sent only with its own user's sign-in; the server keeps the device sealed in the
 * grid (or per node, bounded).
 */
class DeviceTrackingTest {

    private static final TokenMinter POOL = new TokenMinter("kid-1");
    private static final String DEVICE_KEY = "eu-west-1_0f3b8c52-1d2e-4a7b-9c0d-5e6f7a8b9c0d";
    private static final String GROUP_KEY = "-Yz8wLm2Qa";

    private final RecordingHttpClient http = new RecordingHttpClient();
    private final CognitoConfig config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1client");
    private final Map<String, String> grid = new ConcurrentHashMap<>();
    private final List<String> setCookies = new ArrayList<>();
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger("dev.cognitoee");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private DeviceTracking tracking;

    @BeforeEach
    void wire() {
        log.addHandler(handler);
        tracking = new DeviceTracking(UserPoolClient.forPool(config, http), new SharedState(new MapGrid(grid)),
                Sealers.TEST, config, Clock.systemUTC());
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    /** A grid of plain maps, recording what the module puts in it. */
    private record MapGrid(Map<String, String> values) implements Grid {
        @Override
        public SharedMap map(String name, Duration ttl) {
            return new SharedMap() {
                @Override
                public String get(String key) {
                    return values.get(key);
                }

                @Override
                public void put(String key, String value) {
                    values.put(key, value);
                }

                @Override
                public void put(String key, String value, Duration ttl) {
                    values.put(key, value);
                }

                @Override
                public boolean putIfAbsent(String key, String value) {
                    return values.putIfAbsent(key, value) == null;
                }

                @Override
                public boolean replace(String key, String expected, String value) {
                    return values.replace(key, expected, value);
                }

                @Override
                public boolean remove(String key, String expected) {
                    return values.remove(key, expected);
                }

                @Override
                public void remove(String key) {
                    values.remove(key);
                }
            };
        }

        @Override
        public String description() {
            return "maps";
        }
    }

    private HttpServletRequest request(FakeHttp browser, boolean withResponse) {
        HttpServletRequest request = browser.request();
        if (withResponse) {
            DeviceCookie.holdResponse(request, (HttpServletResponse) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "addHeader" -> {
                            if ("Set-Cookie".equals(args[0])) {
                                setCookies.add((String) args[1]);
                            }
                            yield null;
                        }
                        case "isCommitted" -> false;
                        default -> throw new UnsupportedOperationException(m.getName());
                    }));
        }
        return request;
    }

    private static AuthenticationResultType tokensWithNewDevice() {
        String access = POOL.access(Instant.now());
        return AuthenticationResultType.builder().accessToken(access).newDeviceMetadata(m -> m.deviceKey(DEVICE_KEY)
                .deviceGroupKey(GROUP_KEY)).build();
    }

    private String handleFromCookie() {
        assertThat(setCookies).hasSize(1);
        String header = setCookies.get(0);
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    @Test
    void aNewDeviceIsConfirmedAndTheBrowserGetsOnlyAnHttpOnlyHandle() {
        http.answer(200, "{\"UserConfirmationNecessary\":false}");
        FakeHttp browser = new FakeHttp().requestLine("POST", "/shop", "/shop/api/sign-in")
                .header("User-Agent", "Mozilla/5.0 \u0007(X11)");

        tracking.signedIn(request(browser, true), tokensWithNewDevice(), "alice");

        assertThat(http.last().target()).endsWith(".ConfirmDevice");
        assertThat(http.last().body()).contains("\"DeviceName\":\"Mozilla/5.0 (X11)\"");
        String handle = handleFromCookie();
        assertThat(handle).matches("[A-Za-z0-9_-]{43}");
        assertThat(setCookies.get(0)).isEqualTo("COGNITOEE_DEVICE=" + handle + "; Path=/shop; Max-Age=31536000; "
                + "HttpOnly; SameSite=Lax");
        assertThat(grid).hasSize(1);
        String key = grid.keySet().iterator().next();
        String value = grid.values().iterator().next();
        assertThat(key).doesNotContain(handle);
        assertThat(value).as("sealed").doesNotContain(DEVICE_KEY).doesNotContain(GROUP_KEY);
    }

    @Test
    void onASecureRequestTheCookieIsSecure() {
        http.answer(200, "{}");
        FakeHttp browser = new FakeHttp().server("https", "shop.example", 443);

        tracking.signedIn(request(browser, true), tokensWithNewDevice(), "alice");

        assertThat(setCookies).singleElement().satisfies(c -> assertThat(c).contains("; Secure; SameSite=Lax"));
    }

    @Test
    void theDeviceIsSentOnlyWithItsOwnUsersSignIn() {
        http.answer(200, "{}");
        tracking.signedIn(request(new FakeHttp(), true), tokensWithNewDevice(), "alice");
        String handle = handleFromCookie();
        List<String> sent = new ArrayList<>();

        for (String typed : List.of("alice", "ALICE", "bob")) {
            // quoted, as RFC 6265 allows and Payara 7 hands it over
            String value = typed.equals("ALICE") ? "\"" + handle + "\"" : handle;
            tracking.signIn(request(new FakeHttp().cookie("COGNITOEE_DEVICE", value), false), typed, Map.of(),
                    deviceKey -> {
                        sent.add(typed + "=" + deviceKey);
                        return new SignInAnswer(AuthenticationResultType.builder().build(), null, null, Map.of(),
                                typed);
                    });
        }

        assertThat(sent).containsExactly("alice=" + DEVICE_KEY, "ALICE=" + DEVICE_KEY, "bob=null");
    }

    @Test
    void aDeviceCognitoDoesNotKnowIsForgottenAndTheSignInRetriedWithoutIt() {
        http.answer(200, "{}");
        tracking.signedIn(request(new FakeHttp(), true), tokensWithNewDevice(), "alice");
        String handle = handleFromCookie();
        List<String> sent = new ArrayList<>();
        Function<String, SignInAnswer> initiate = deviceKey -> {
            sent.add(String.valueOf(deviceKey));
            if (deviceKey != null) {
                throw new CognitoAuthException(AuthError.UNEXPECTED, "ResourceNotFoundException",
                        "Device does not exist.", null);
            }
            return new SignInAnswer(AuthenticationResultType.builder().build(), null, null, Map.of(), "alice");
        };

        tracking.signIn(request(new FakeHttp().cookie("COGNITOEE_DEVICE", handle), false), "alice", Map.of(),
                initiate);
        tracking.signIn(request(new FakeHttp().cookie("COGNITOEE_DEVICE", handle), false), "alice", Map.of(),
                initiate);

        assertThat(sent).containsExactly(DEVICE_KEY, "null", "null");
        assertThat(grid).as("forgotten on the server").isEmpty();
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).startsWith("COGNITOEE-0044"));
    }

    @Test
    void aWrongPasswordWithADeviceIsNotTriedTwice() {
        http.answer(200, "{}");
        tracking.signedIn(request(new FakeHttp(), true), tokensWithNewDevice(), "alice");
        String handle = handleFromCookie();
        List<String> sent = new ArrayList<>();

        assertThatThrownBy(() -> tracking.signIn(request(new FakeHttp().cookie("COGNITOEE_DEVICE", handle), false),
                "alice", Map.of(), deviceKey -> {
                    sent.add(String.valueOf(deviceKey));
                    throw new CognitoAuthException(AuthError.NOT_AUTHORIZED, "NotAuthorizedException",
                            "Incorrect username or password.", null);
                })).isInstanceOf(CognitoAuthException.class);

        assertThat(sent).containsExactly(DEVICE_KEY);
        assertThat(grid).as("the device stays").hasSize(1);
    }

    @Test
    void anUnknownOrMalformedHandleSendsNoDevice() {
        List<String> sent = new ArrayList<>();
        for (String value : List.of("A".repeat(43), "../../etc/passwd", "")) {
            tracking.signIn(request(new FakeHttp().cookie("COGNITOEE_DEVICE", value), false), "alice", Map.of(),
                    deviceKey -> {
                        sent.add(String.valueOf(deviceKey));
                        return new SignInAnswer(AuthenticationResultType.builder().build(), null, null, Map.of(),
                                "alice");
                    });
        }
        assertThat(sent).containsExactly("null", "null", "null");
    }

    @Test
    void aFailingConfirmDeviceLeavesNoCookieAndSaysWhy() {
        http.answer(400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token does not have "
                + "required scopes\"}");

        tracking.signedIn(request(new FakeHttp(), true), tokensWithNewDevice(), "alice");

        assertThat(setCookies).isEmpty();
        assertThat(grid).isEmpty();
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).startsWith("COGNITOEE-0043"));
    }

    @Test
    void withoutTheResponseNoDeviceIsRemembered() {
        http.answer(200, "{}");

        tracking.signedIn(request(new FakeHttp(), false), tokensWithNewDevice(), "alice");

        assertThat(http.sent()).as("no device confirmed that nobody could use").isEmpty();
        assertThat(grid).isEmpty();
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).startsWith("COGNITOEE-0043"));
    }

    @Test
    void tokensWithoutNewDeviceMetadataCallNothing() {
        tracking.signedIn(request(new FakeHttp(), true), AuthenticationResultType.builder()
                .accessToken(POOL.access(Instant.now())).build(), "alice");

        assertThat(http.sent()).isEmpty();
        assertThat(setCookies).isEmpty();
    }

    @Test
    void perNodeTheStoreKeepsAtMostItsBoundLeastRecentlyUsedFirst() {
        DeviceStore store = new DeviceStore(null, Sealers.TEST, 2);
        RememberedDevice device = new RememberedDevice("iss|sub", "alice", "alice", DEVICE_KEY, GROUP_KEY, "pw");
        store.put("h1", device);
        store.put("h2", device);
        assertThat(store.get("h1")).contains(device); // h1 is now the most recently used
        store.put("h3", device);

        assertThat(store.get("h2")).isEmpty();
        assertThat(store.get("h1")).contains(device);
        assertThat(store.get("h3")).contains(device);
        assertThat(device.toString()).doesNotContain("pw");
    }
}
