package dev.cognitoee.it.realaws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.realaws.app.RealAwsSecurity;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Forgery;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The opt-in suite against a real user pool, identity pool and bucket made by {@code server-config/aws/cognito-ee.yaml}
 * ({@code mvn verify -Preal-aws}, README "Against real AWS"): the module in a real Payara Micro, its settings from
 * {@link RealAwsSettings}, checked on bearer tokens, password sign-in, refresh, sign-out and the caller's AWS
 * credentials. Skipped ({@link RealAwsEnvironment}), with the variables it lacks, when the environment names no pool; never run by the default
 * build or {@code .ci/run} (its name matches no failsafe pattern; the {@code real-aws} profile includes it). Its user
 * is made for the run and deleted after it.
 */
@ExtendWith(RealAwsEnvironment.class)
class RealAwsChecks {

    private static final String APP = "realaws";

    private static RealAwsSettings aws;
    private static CognitoIdentityProviderClient cognito;
    private static PayaraMicroProcess payara;
    private static String username;
    private static String password;

    @BeforeAll
    static void start() {
        aws = RealAwsSettings.from(System.getenv());
        // The account's credentials (the SDK's default chain) for the admin calls; the module itself uses none.
        cognito = CognitoIdentityProviderClient.builder().region(Region.of(aws.region()))
                .httpClient(UrlConnectionHttpClient.create()).build();
        username = "cognitoee-it-" + UUID.randomUUID();
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        password = "Aa1-" + HexFormat.of().formatHex(random);
        cognito.adminCreateUser(b -> b.userPoolId(aws.userPoolId()).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(username + "@example.invalid"),
                        a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(aws.userPoolId()).username(username).password(password)
                .permanent(true));
        for (String group : List.of("admin", "user")) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(aws.userPoolId()).username(username).groupName(group));
        }
        payara = PayaraMicroProcess.boot("real-aws", List.of(TestWars.withApplicationAwsSdk(
                        TestWars.war(APP, Map.of(), RealAwsSecurity.class.getPackage()))),
                FreePort.next(), aws.applicationSettings());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
        if (cognito != null) {
            try {
                cognito.adminDeleteUser(b -> b.userPoolId(aws.userPoolId()).username(username));
            } catch (UserNotFoundException notCreated) {
                // the setup failed before creating it: its own error is the one to read
            } finally {
                cognito.close();
            }
        }
    }

    private static URL base() {
        return payara.url(APP);
    }

    private static AuthenticationResultType signInAtCognito() {
        return cognito.initiateAuth(b -> b.clientId(aws.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static Browser signedIn() {
        Browser browser = new Browser(base());
        HttpResponse<String> signIn = browser.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", password).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(Http.json(signIn).getBoolean("isSignedIn")).isTrue();
        return browser;
    }

    @Test
    void aRealAccessTokenAuthenticatesItsUserWithTheGroupsAsRoles() {
        String token = signInAtCognito().accessToken();

        HttpResponse<String> caller = Http.getWithBearer(base(), "api/caller", token);
        assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
        assertThat(Http.json(caller).getString("name")).isEqualTo(username);
        assertThat(Http.json(caller).getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactlyInAnyOrder("admin", "user");
        assertThat(Http.getWithBearer(base(), "api/admin", token).body()).isEqualTo("admin area of " + username);
        assertThat(caller.headers().firstValue("Set-Cookie")).as("bearer requests are stateless").isEmpty();
    }

    @Test
    void aTamperedOrWrongKindOfRealTokenIsRefused() {
        AuthenticationResultType tokens = signInAtCognito();

        HttpResponse<String> tampered = Http.getWithBearer(base(), "api/caller",
                Forgery.tamperedSignature(tokens.accessToken()));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer error=\"invalid_token\", error_description=\"the token signature is invalid\"");

        HttpResponse<String> idToken = Http.getWithBearer(base(), "api/caller", tokens.idToken());
        assertThat(idToken.statusCode()).isEqualTo(401);
        assertThat(idToken.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\", "
                + "error_description=\"the token has the wrong token_use for this application\"");
    }

    @Test
    void aWrongPasswordSignsNobodyIn() {
        Browser browser = new Browser(base());
        HttpResponse<String> signIn = browser.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", password + "-wrong").build());

        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(401);
        assertThat(Http.json(signIn).getString("error")).isEqualTo("NOT_AUTHORIZED");
        assertThat(Http.json(browser.get("api/session")).getBoolean("isSignedIn")).isFalse();
    }

    @Test
    void aSignedInSessionRefreshesAndSignsOut() {
        Browser browser = signedIn();
        JsonObject before = Http.json(browser.get("api/session"));
        assertThat(before.getString("username")).isEqualTo(username);
        assertThat(Http.json(browser.get("api/caller")).getString("name")).isEqualTo(username);

        HttpResponse<String> refreshed = browser.postJson("api/refresh", Json.createObjectBuilder().build());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonObject after = Http.json(refreshed);
        assertThat(after.getBoolean("isSignedIn")).isTrue();
        assertThat(after.getString("accessToken")).as("Cognito issued a new access token")
                .isNotEqualTo(before.getString("accessToken"));
        assertThat(Http.json(browser.get("api/caller")).getString("name")).isEqualTo(username);

        assertThat(browser.postJson("api/sign-out", Json.createObjectBuilder().build()).statusCode()).isEqualTo(200);
        assertThat(Http.json(browser.get("api/session")).getBoolean("isSignedIn")).isFalse();
        assertThat(browser.get("api/caller").statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInUserWritesItsOwnFolderWithItsOwnCredentialsAndNoOtherKey() {
        Browser browser = signedIn();
        String name = "note-" + UUID.randomUUID() + ".txt";

        HttpResponse<String> stored = browser.putText("api/files/" + name, "hello from " + username);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonObject session = Http.json(browser.get("api/session"));
        assertThat(session.getString("identityId")).startsWith(aws.region() + ":");
        assertThat(session.getString("accessKeyId")).startsWith("ASIA");
        assertThat(Http.json(stored).getString("stored"))
                .isEqualTo("private/" + session.getString("identityId") + "/" + name);
        assertThat(Http.json(browser.get("api/files/" + name)).getString("content")).isEqualTo("hello from " + username);

        HttpResponse<String> elsewhere = browser.putText("api/any-key/private/someone-else/" + name, "x");
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(502);
        assertThat(Http.json(elsewhere).getInt("s3Status")).as("the role allows the caller's folder only")
                .isEqualTo(403);
    }
}
