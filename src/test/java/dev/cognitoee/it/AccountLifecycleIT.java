package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.it.account.AccountSecurityConfig;
import dev.cognitoee.it.demo.DemoWar;
import dev.cognitoee.it.support.AccountLifecycleStandIn;
import dev.cognitoee.it.support.AccountLifecycleStandIn.GlobalSignOutCall;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Deployment;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LambdaRecorder;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The account lifecycle on a real Payara Micro: deleting the account and attributes, attribute codes, the password,
 * a forced refresh, a resent sign-up code and the demo's "sign out on every device" button. The module talks to the
 * emulator through {@link AccountLifecycleStandIn}, which plays the two calls the emulator lacks (GlobalSignOut,
 * ResendConfirmationCode) and relays every other call to the emulator unchanged.
 */
@ExtendWith(SharedPayara.class)
class AccountLifecycleIT {

    private static final String APP = "lifecycle";
    private static final String NEW_PASSWORD = "Br4nd-New-Passw0rd";

    private static AccountLifecycleStandIn standIn;
    private static URL base;
    private static URL demo;

    @BeforeAll
    static void deploy(Deployer payara) {
        CognitoFixture fixture = CognitoFixture.shared();
        standIn = AccountLifecycleStandIn.start(fixture.emulator(), fixture.poolId);
        Map<String, String> settings = TestWars.poolSettings(fixture);
        settings.put("cognito.endpoint", standIn.endpoint().toString());
        WebArchive demoWar = DemoWar.build().addAsResource(new StringAsset(properties(settings)),
                "META-INF/microprofile-config.properties");
        Deployment apps = payara.deploy(TestWars.war(APP, settings, AccountSecurityConfig.class.getPackage()),
                demoWar);
        base = apps.url(APP);
        demo = apps.url(DemoWar.NAME);
    }

    @AfterAll
    static void stopStandIn() {
        if (standIn != null) {
            standIn.close();
        }
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
        TestWars.assertDeployed(demo, DemoWar.NAME);
    }

    private static CognitoFixture fixture() {
        return CognitoFixture.shared();
    }

    private static String properties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        fixture().createUser(username, "user");
        return username;
    }

    private static JsonObject json(Object... keyValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            Object value = keyValues[i + 1];
            if (value == null) {
                builder.add(key, JsonValue.NULL);
            } else if (value instanceof Map<?, ?> map) {
                JsonObjectBuilder nested = Json.createObjectBuilder();
                map.forEach((k, v) -> nested.add((String) k, (String) v));
                builder.add(key, nested);
            } else if (value instanceof List<?> list) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(v -> {
                    if (v == null) {
                        array.addNull();
                    } else {
                        array.add((String) v);
                    }
                });
                builder.add(key, array);
            } else {
                builder.add(key, (String) value);
            }
        }
        return builder.build();
    }

    private static Browser signedIn(URL app, String username, String password) {
        Browser browser = new Browser(app);
        HttpResponse<String> signIn = browser.postJson("j_security_check", json("username", username,
                "password", password));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    private static List<String> events(String username) {
        return Http.json(Http.get(base, "api/events/" + username)).getJsonArray("sync")
                .getValuesAs(JsonString::getString);
    }

    private static Map<String, String> attributes(Browser browser) {
        HttpResponse<String> response = browser.get("api/account/attributes");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> ((JsonString) e.getValue()).getString()));
    }

    /** Asserts a typed error: the status, the AuthError, and nothing of the server's insides in the body. */
    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response).getString("error")).isEqualTo(error);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("eyJ");
    }

    private static String anotherCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private static CognitoIdentityProviderClient throughStandIn() {
        return CognitoIdentityProviderClient.builder().endpointOverride(standIn.endpoint())
                .region(CognitoLocal.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static void refresh(CognitoIdentityProviderClient cognito, String refreshToken) {
        cognito.initiateAuth(b -> b.clientId(fixture().clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
    }

    @Test
    void deleteUserDeletesTheAccountAndEndsTheSessionAsSignOutDoes() {
        String username = newUser("dora");
        Browser browser = signedIn(base, username, CognitoFixture.PASSWORD);
        assertThat(browser.get("api/profile").statusCode()).isEqualTo(200);

        HttpResponse<String> delete = browser.postJson("api/lifecycle/delete-user", json());

        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        assertThat(browser.get("api/profile").statusCode()).as("the session is over").isEqualTo(401);
        assertThat(Http.json(browser.get("api/lifecycle/session")).getBoolean("isSignedIn")).isFalse();
        assertThat(events(username)).containsExactly(
                "SignedIn " + username + " FORM groups=[user] sub=true",
                "SignedOut " + username + " USER_DELETED global=false");
        try (CognitoIdentityProviderClient cognito = fixture().emulator().client()) {
            assertThatThrownBy(() -> cognito.adminGetUser(b -> b.userPoolId(fixture().poolId).username(username)))
                    .as("the account is gone from the pool").isInstanceOf(UserNotFoundException.class);
        }
        assertError(new Browser(base).postJson("j_security_check", json("username", username,
                "password", CognitoFixture.PASSWORD)), 401, "NOT_AUTHORIZED");
        assertError(browser.postJson("api/lifecycle/delete-user", json()), 401, "NOT_SIGNED_IN");
    }

    @Test
    void aDeleteThatCognitoRefusesLeavesTheSessionAsItWas() {
        String username = newUser("ezra");
        Browser browser = signedIn(base, username, CognitoFixture.PASSWORD);
        try (CognitoIdentityProviderClient cognito = fixture().emulator().client()) {
            cognito.adminDeleteUser(b -> b.userPoolId(fixture().poolId).username(username)); // meanwhile, elsewhere
        }

        assertError(browser.postJson("api/lifecycle/delete-user", json()), 401, "NOT_AUTHORIZED");

        assertThat(browser.get("api/profile").statusCode()).as("the session was not ended").isEqualTo(200);
        assertThat(events(username)).containsExactly("SignedIn " + username + " FORM groups=[user] sub=true");
    }

    @Test
    void attributesAreUpdatedOneAtATimeDeletedAndVerifiedWithCodes() {
        String username = newUser("fern");
        Browser browser = signedIn(base, username, CognitoFixture.PASSWORD);

        JsonObject given = Http.json(browser.postJson("api/lifecycle/update-attribute",
                json("name", "given_name", "value", "Fern")));
        assertThat(given.getBoolean("isUpdated")).isTrue();
        assertThat(given.getString("updateAttributeStep")).isEqualTo("DONE");
        assertThat(given.isNull("codeDeliveryDetails")).isTrue();
        assertThat(attributes(browser)).containsEntry("given_name", "Fern");

        HttpResponse<String> delete = browser.postJson("api/lifecycle/delete-attributes",
                json("names", List.of("given_name")));
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
        assertThat(attributes(browser)).doesNotContainKey("given_name").containsKey("email");

        String newEmail = "new-" + username + "@example.com";
        JsonObject email = Http.json(browser.postJson("api/lifecycle/update-attributes",
                json("attributes", Map.of("email", newEmail)))).getJsonObject("email");
        assertThat(email.getBoolean("isUpdated")).isFalse();
        assertThat(email.getString("updateAttributeStep")).isEqualTo("CONFIRM_ATTRIBUTE_WITH_CODE");
        assertThat(email.getJsonObject("codeDeliveryDetails").getString("attributeName")).isEqualTo("email");
        assertThat(email.getJsonObject("codeDeliveryDetails").getString("deliveryMedium")).isEqualTo("EMAIL");
        assertThat(attributes(browser)).containsEntry("email_verified", "false");

        String code = fixture().emulator().attributeVerificationCode(fixture().poolId, username);
        assertError(browser.postJson("api/lifecycle/confirm-attribute",
                json("name", "email", "code", anotherCode(code))), 400, "CODE_MISMATCH");
        HttpResponse<String> confirm = browser.postJson("api/lifecycle/confirm-attribute",
                json("name", "email", "code", code));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(attributes(browser)).containsEntry("email", newEmail).containsEntry("email_verified", "true");

        HttpResponse<String> send = browser.postJson("api/lifecycle/send-attribute-code",
                json("name", "email", "clientMetadata", Map.of("step", "sendCode")));
        assertThat(send.statusCode()).as(send.body()).isEqualTo(200);
        String sent = fixture().emulator().attributeVerificationCode(fixture().poolId, username);
        assertThat(LambdaRecorder.shared().invocationsFor(username)).anySatisfy(i -> {
            assertThat(i.triggerSource()).isEqualTo("CustomMessage_VerifyUserAttribute");
            assertThat(i.clientMetadata()).containsEntry("step", "sendCode");
        });
        assertThat(browser.postJson("api/lifecycle/confirm-attribute", json("name", "email", "code", sent))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void badInputAndNobodySignedInAreTypedErrorsNeverA500() {
        Browser anonymous = new Browser(base);
        assertError(anonymous.postJson("api/lifecycle/delete-user", json()), 401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/lifecycle/delete-attributes", json("names", List.of("given_name"))),
                401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/lifecycle/send-attribute-code", json("name", "email")),
                401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/lifecycle/update-attribute", json("name", "given_name", "value", "X")),
                401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/lifecycle/confirm-attribute", json("name", "email", "code", "123456")),
                401, "NOT_SIGNED_IN");
        assertError(anonymous.postJson("api/lifecycle/update-password", json("oldPassword", CognitoFixture.PASSWORD,
                "newPassword", NEW_PASSWORD)), 401, "NOT_SIGNED_IN");

        Browser browser = signedIn(base, newUser("gus"), CognitoFixture.PASSWORD);
        assertError(browser.postJson("api/lifecycle/update-attribute", json("name", "", "value", "X")),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/update-attribute", json("name", null, "value", "X")),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/update-attribute", json("name", "given_name", "value", null)),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/update-attribute",
                json("name", "favourite_colour", "value", "green")), 400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/delete-attributes", json("names", List.of())),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/delete-attributes", json("names", List.of(" "))),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/send-attribute-code", json("name", "")),
                400, "INVALID_PARAMETER");
        assertThat(browser.get("api/profile").statusCode()).as("refused input ends nothing").isEqualTo(200);
    }

    @Test
    void updatePasswordReplacesThePasswordAndAWrongOldOneIsATypedError() {
        String username = newUser("hana");
        Browser browser = signedIn(base, username, CognitoFixture.PASSWORD);

        // The emulator answers a wrong old password with InvalidPasswordException (Cognito: NotAuthorizedException,
        // NOT_AUTHORIZED: UserPoolClientTest covers that shape).
        HttpResponse<String> wrong = browser.postJson("api/lifecycle/update-password",
                json("oldPassword", "Not-the-Passw0rd", "newPassword", NEW_PASSWORD));
        assertError(wrong, 400, "INVALID_PASSWORD");
        assertThat(wrong.body()).doesNotContain("Not-the-Passw0rd").doesNotContain(NEW_PASSWORD);

        HttpResponse<String> right = browser.postJson("api/lifecycle/update-password",
                json("oldPassword", CognitoFixture.PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);

        assertError(new Browser(base).postJson("j_security_check", json("username", username,
                "password", CognitoFixture.PASSWORD)), 401, "NOT_AUTHORIZED");
        signedIn(base, username, NEW_PASSWORD);
        assertThat(browser.get("api/profile").statusCode()).as("the session goes on").isEqualTo(200);
    }

    @Test
    void aForcedFetchAuthSessionRefreshesTheTokensOnceAndFiresTokenRefreshed() {
        assertThat(Http.json(new Browser(base).get("api/lifecycle/session?forceRefresh=true"))
                .getBoolean("isSignedIn")).as("nobody signed in: no refresh, no error").isFalse();
        String username = newUser("ivo");
        Browser browser = signedIn(base, username, CognitoFixture.PASSWORD);
        String before = Http.json(browser.get("api/profile")).getString("jti");

        JsonObject session = Http.json(browser.get("api/lifecycle/session?forceRefresh=true"));

        assertThat(session.getBoolean("isSignedIn")).isTrue();
        assertThat(session.getString("username")).isEqualTo(username);
        assertThat(Http.json(browser.get("api/profile")).getString("jti")).as("the session's token is a new one")
                .isNotEqualTo(before);
        assertThat(Http.json(browser.get("api/lifecycle/session")).getBoolean("isSignedIn")).isTrue();
        assertThat(events(username)).containsExactly(
                "SignedIn " + username + " FORM groups=[user] sub=true",
                "TokenRefreshed " + username);
        assertThat(LambdaRecorder.shared().invocationsFor(username).stream()
                .filter(i -> i.triggerSource().equals("TokenGeneration_RefreshTokens")).count())
                .as("one refresh: the fetch without forceRefresh did not refresh").isEqualTo(1);
    }

    @Test
    void resendSignUpCodeSendsANewCodeThatAloneConfirmsTheAccount() {
        String username = "jo-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = new Browser(base);
        HttpResponse<String> signUp = browser.postJson("api/account/sign-up", json("username", username,
                "password", CognitoFixture.PASSWORD, "email", username + "@example.com"));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
        String first = fixture().emulator().confirmationCode(fixture().poolId, username);

        HttpResponse<String> resend = browser.postJson("api/lifecycle/resend-sign-up-code", json("username", username,
                "clientMetadata", Map.of("step", "resend")));

        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(200);
        JsonObject delivery = Http.json(resend).getJsonObject("codeDeliveryDetails");
        assertThat(delivery.getString("deliveryMedium")).isEqualTo("EMAIL");
        assertThat(delivery.getString("attributeName")).isEqualTo("email");
        assertThat(delivery.getString("destination")).startsWith("j***@").doesNotContain(username);
        var resent = standIn.resentCode(username).orElseThrow();
        assertThat(resent.clientMetadata()).containsEntry("step", "resend");
        assertThat(resend.body()).doesNotContain(resent.code());

        assertError(browser.postJson("api/account/confirm-sign-up", json("username", username, "code", first)),
                400, "CODE_MISMATCH");
        HttpResponse<String> confirm = browser.postJson("api/account/confirm-sign-up", json("username", username,
                "code", resent.code(), "clientMetadata", Map.of("step", "confirmAfterResend")));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(LambdaRecorder.shared().invocationsFor(username)).anySatisfy(i -> {
            assertThat(i.triggerSource()).isEqualTo("PostConfirmation_ConfirmSignUp");
            assertThat(i.clientMetadata()).containsEntry("step", "confirmAfterResend");
        });
        signedIn(base, username, CognitoFixture.PASSWORD);

        assertError(browser.postJson("api/lifecycle/resend-sign-up-code", json("username", username)),
                400, "INVALID_PARAMETER");
        assertError(browser.postJson("api/lifecycle/resend-sign-up-code", json("username", "nobody-" + username)),
                400, "USER_NOT_FOUND");
    }

    @Test
    void theDemosSignOutEverywhereButtonSignsTheUserOutOfEveryDevice() {
        String username = newUser("kai");
        Browser laptop = signedIn(demo, username, CognitoFixture.PASSWORD);
        Browser phone = signedIn(demo, username, CognitoFixture.PASSWORD);
        Set<String> refreshTokens = standIn.refreshTokensIssuedTo(username);
        assertThat(refreshTokens).as("one per device").hasSize(2);
        try (CognitoIdentityProviderClient cognito = throughStandIn()) {
            refreshTokens.forEach(token -> refresh(cognito, token)); // both work before the sign-out
        }

        HttpResponse<String> profile = laptop.get("profile", "Accept", "text/html");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        Matcher button = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"[^>]*>\\s*<button type=\"submit\" "
                + "name=\"([^\"]+)\" value=\"([^\"]+)\"[^>]*id=\"sign-out-everywhere\"").matcher(profile.body());
        assertThat(button.find()).as("the profile page has the button: %s", profile.body()).isTrue();

        HttpResponse<String> signOut = laptop.postForm(button.group(1), Map.of(button.group(2), button.group(3)));

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/demo/login?notice=signed-out"));
        String subject;
        try (CognitoIdentityProviderClient cognito = fixture().emulator().client()) {
            subject = cognito.adminGetUser(b -> b.userPoolId(fixture().poolId).username(username)).userAttributes()
                    .stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }
        assertThat(standIn.globalSignOuts()).as("GlobalSignOut with the user's own access token of this app client")
                .containsExactly(new GlobalSignOutCall(username, subject, fixture().clientId));
        assertThat(laptop.get("profile", "Accept", "text/html").statusCode()).as("this session is over")
                .isEqualTo(302);
        try (CognitoIdentityProviderClient cognito = throughStandIn()) {
            for (String token : refreshTokens) {
                assertThatThrownBy(() -> refresh(cognito, token)).as("every device's refresh token is revoked")
                        .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("revoked");
            }
        }
        assertThat(phone.get("profile", "Accept", "text/html").body())
                .as("the phone's access token is refused by Cognito now").contains("cannot be read");
    }
}
