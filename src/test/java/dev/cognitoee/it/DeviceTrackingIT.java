package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.device.DeviceResource;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.DeviceStandIn;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SetCookie;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Device tracking ({@code rememberDevice}, {@code forgetDevice}, {@code fetchDevices}, DEVICE_SRP_AUTH) in a real
 * Payara Micro, through {@code CognitoAuth}. The emulator has no devices: {@link DeviceStandIn} plays a pool that
 * tracks them (it hands out NewDeviceMetadata, keeps the verifier ConfirmDevice gives and checks every device proof
 * against it) and relays the emulator's real tokens, which the module verifies as always.
 */
@ExtendWith(SharedPayara.class)
class DeviceTrackingIT {

    private static final String APP = "devices";
    private static final String COOKIE = "COGNITOEE_DEVICE";
    private static final String USER_AGENT = "DeviceTrackingIT/1.0 (a test browser)";

    private static CognitoFixture fixture;
    private static DeviceStandIn standIn;
    private static Deployment deployment;
    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        fixture = CognitoFixture.shared();
        standIn = DeviceStandIn.start(fixture.emulator());
        Map<String, String> settings = TestWars.poolSettings(fixture);
        settings.put("cognito.endpoint", standIn.endpoint().toString());
        deployment = payara.deploy(TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage())
                .addPackage(DeviceResource.class.getPackage()));
        base = deployment.url(APP);
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    private static String newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.createUser(username, "user");
        return username;
    }

    private static String subOf(String username) {
        try (CognitoIdentityProviderClient cognito = fixture.emulator().client()) {
            return cognito.adminGetUser(b -> b.userPoolId(fixture.poolId).username(username)).userAttributes()
                    .stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }
    }

    private static HttpResponse<String> signIn(Browser browser, String username) {
        HttpResponse<String> response = browser.postJson("api/account/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build(),
                "User-Agent", USER_AGENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getBoolean("isSignedIn")).isTrue();
        return response;
    }

    private static JsonArray devices(Browser browser) {
        HttpResponse<String> response = browser.get("api/devices");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new java.io.StringReader(response.body())).readArray();
    }

    private static HttpResponse<String> post(Browser browser, String path, JsonObject body) {
        return browser.postJson(path, body);
    }

    @Test
    void aSignInConfirmsTheDeviceAndTheBrowserGetsOnlyAnOpaqueHandle() {
        String username = newUser("device-new");
        Browser browser = new Browser(base);

        HttpResponse<String> signIn = signIn(browser, username);

        List<DeviceStandIn.Device> devices = standIn.devicesOf(subOf(username));
        assertThat(devices).hasSize(1);
        DeviceStandIn.Device device = devices.get(0);
        assertThat(device.verifier()).as("ConfirmDevice gave a verifier").isNotNull();
        assertThat(device.name()).isEqualTo(USER_AGENT);
        List<SetCookie> cookies = SetCookie.named(signIn, COOKIE);
        assertThat(cookies).hasSize(1);
        SetCookie cookie = cookies.get(0);
        assertThat(cookie.has("HttpOnly")).isTrue();
        assertThat(cookie.has("Secure")).as("plain HTTP").isFalse();
        assertThat(cookie.attribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.attribute("Path")).isEqualTo("/" + APP);
        String handle = browser.cookie(COOKIE);
        assertThat(handle).matches("[A-Za-z0-9_-]{43}");
        String everythingSent = signIn.headers().map() + signIn.body();
        assertThat(everythingSent).doesNotContain(device.deviceKey()).doesNotContain(device.groupKey())
                .doesNotContain(device.deviceKey().substring(device.deviceKey().indexOf('_') + 1));
    }

    @Test
    void fetchDevicesListsTheDeviceAndRememberDeviceRemembersIt() {
        String username = newUser("device-list");
        Browser browser = new Browser(base);
        signIn(browser, username);
        DeviceStandIn.Device device = standIn.devicesOf(subOf(username)).get(0);

        JsonArray listed = devices(browser);
        assertThat(listed).hasSize(1);
        JsonObject item = listed.getJsonObject(0);
        assertThat(item.getString("id")).isEqualTo(device.deviceKey());
        assertThat(item.getString("name")).isEqualTo(USER_AGENT);
        assertThat(item.getJsonObject("attributes").getString("device_status")).isEqualTo("valid");
        assertThat(item.getString("createDate")).isNotBlank();
        assertThat(device.status()).isEqualTo("not_remembered");

        HttpResponse<String> remember = post(browser, "api/devices/remember", Json.createObjectBuilder().build());

        assertThat(remember.statusCode()).as(remember.body()).isEqualTo(200);
        assertThat(standIn.device(device.deviceKey()).orElseThrow().status()).isEqualTo("remembered");
    }

    @Test
    void theNextSignInFromTheSameBrowserAnswersDeviceSrpAuth() {
        String username = newUser("device-again");
        CookieManager jar = Browser.cookieJar();
        signIn(new Browser(base, jar), username);
        DeviceStandIn.Device device = standIn.devicesOf(subOf(username)).get(0);
        int accepted = standIn.proofsAccepted();

        Browser sameBrowser = new Browser(base, jar);
        HttpResponse<String> again = signIn(sameBrowser, username);

        assertThat(standIn.deviceKeysReceived()).contains(device.deviceKey());
        assertThat(standIn.proofsAccepted()).isEqualTo(accepted + 1);
        assertThat(standIn.devicesOf(subOf(username))).as("no new device").hasSize(1);
        assertThat(SetCookie.named(again, COOKIE)).as("the handle stays").isEmpty();
        assertThat(standIn.device(device.deviceKey()).orElseThrow().lastAuthenticated())
                .isAfter(device.lastAuthenticated());
        assertThat(sameBrowser.get("api/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherBrowserIsANewDevice() {
        String username = newUser("device-other");
        signIn(new Browser(base), username);
        int keysBefore = standIn.deviceKeysReceived().size();

        HttpResponse<String> other = signIn(new Browser(base), username);

        assertThat(standIn.deviceKeysReceived()).hasSize(keysBefore);
        assertThat(standIn.devicesOf(subOf(username))).hasSize(2);
        assertThat(SetCookie.named(other, COOKIE)).hasSize(1);
    }

    @Test
    void aForgedOrMalformedHandleIsIgnored() {
        String username = newUser("device-forged");
        for (String forged : List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]),
                "..%2F..%2Fetc", "x")) {
            CookieManager jar = Browser.cookieJar();
            HttpCookie cookie = new HttpCookie(COOKIE, forged);
            cookie.setPath("/" + APP);
            jar.getCookieStore().add(URI.create(base.toString()), cookie);
            int keysBefore = standIn.deviceKeysReceived().size();

            HttpResponse<String> signIn = signIn(new Browser(base, jar), username);

            assertThat(standIn.deviceKeysReceived()).as(forged).hasSize(keysBefore);
            assertThat(SetCookie.named(signIn, COOKIE)).as("a new device, a new handle").hasSize(1);
        }
    }

    @Test
    void anotherUsersHandleIsNotSentWithThisUsersSignIn() {
        String alice = newUser("device-alice");
        String bob = newUser("device-bob");
        CookieManager jar = Browser.cookieJar();
        signIn(new Browser(base, jar), alice);
        String alicesKey = standIn.devicesOf(subOf(alice)).get(0).deviceKey();

        Browser bobsBrowser = new Browser(base, jar);
        signIn(bobsBrowser, bob);

        assertThat(standIn.deviceKeysReceived()).doesNotContain(alicesKey);
        assertThat(standIn.devicesOf(subOf(bob))).hasSize(1);
        assertThat(devices(bobsBrowser)).extracting(d -> d.asJsonObject().getString("id"))
                .doesNotContain(alicesKey);
    }

    @Test
    void aRefusedDeviceProofIsForgottenAndTheUserSignsInAsANewDevice() {
        String username = newUser("device-stale");
        CookieManager jar = Browser.cookieJar();
        signIn(new Browser(base, jar), username);
        String staleKey = standIn.devicesOf(subOf(username)).get(0).deviceKey();
        standIn.corruptVerifier(staleKey);
        int refused = standIn.proofsRefused();

        HttpResponse<String> signIn = signIn(new Browser(base, jar), username);

        assertThat(standIn.proofsRefused()).isEqualTo(refused + 1);
        assertThat(SetCookie.named(signIn, COOKIE)).as("a new device").hasSize(1);
        assertThat(standIn.devicesOf(subOf(username))).hasSize(2);
        assertThat(deployment.output()).contains("COGNITOEE-0044").contains(staleKey)
                .doesNotContain(CognitoFixture.PASSWORD);
    }

    @Test
    void forgetDeviceForgetsItAtCognitoAndOnTheServer() {
        String username = newUser("device-forget");
        CookieManager jar = Browser.cookieJar();
        Browser browser = new Browser(base, jar);
        signIn(browser, username);
        String key = standIn.devicesOf(subOf(username)).get(0).deviceKey();

        HttpResponse<String> forget = post(browser, "api/devices/forget", Json.createObjectBuilder().build());

        assertThat(forget.statusCode()).as(forget.body()).isEqualTo(200);
        assertThat(standIn.device(key)).isEmpty();
        assertThat(SetCookie.named(forget, COOKIE)).singleElement()
                .satisfies(c -> assertThat(c.attribute("Max-Age")).isEqualTo("0"));
        int keysBefore = standIn.deviceKeysReceived().size();
        signIn(new Browser(base, jar), username);
        assertThat(standIn.deviceKeysReceived()).hasSize(keysBefore);
    }

    @Test
    void deviceCallsRefuseWhatIsNotTheCallers() {
        String alice = newUser("device-own");
        Browser browser = new Browser(base);
        signIn(browser, alice);
        Browser other = new Browser(base);
        signIn(other, newUser("device-others"));
        String othersKey = devices(other).getJsonObject(0).getString("id");

        HttpResponse<String> forgetOthers = post(browser, "api/devices/forget",
                Json.createObjectBuilder().add("deviceKey", othersKey).build());
        HttpResponse<String> forgetUnknown = post(browser, "api/devices/forget",
                Json.createObjectBuilder().add("deviceKey", "us-east-1_no-such-device").build());

        for (HttpResponse<String> refused : List.of(forgetOthers, forgetUnknown)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(Http.json(refused).getString("error")).isEqualTo("INVALID_PARAMETER");
        }
        assertThat(standIn.device(othersKey)).isPresent();
        Browser anonymous = new Browser(base);
        assertThat(anonymous.get("api/devices").statusCode()).isEqualTo(401);
        HttpResponse<String> noDevice = post(anonymous, "api/devices/remember", Json.createObjectBuilder().build());
        assertThat(noDevice.statusCode()).isEqualTo(401);
    }
}
