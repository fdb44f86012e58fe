package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.clock.MovableClock;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LocalS3;
import dev.cognitoee.it.support.ServerClock;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Signed-in users and bearer (id token) callers call S3 as themselves, from one application-scoped bean, with
 * credentials from the (fake) identity pool, checked by a real SigV4-verifying S3 (S3Proxy).
 */
@ExtendWith(SharedPayara.class)
class AwsCredentialsIT {

    private static final String APP = "aws";
    /** The identity pool's own lifetime of credentials. */
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Credentials this long before their expiration are fetched anew (a quarter of an hour's lifetime, capped). */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        FakeCognitoIdentity identity = AwsStandIns.identity();
        identity.credentialsLifetime(LIFETIME);
        identity.registerStaticProvider("graph.facebook.com", Map.of("fb-token-of-carl", "facebook-user-carl"));
        Map<String, String> settings = AwsStandIns.applicationSettings();
        // As docs/CREDENTIALS.md advises for an API that calls AWS: bearer callers send their id token (only an id
        // token can be exchanged at the identity pool). Signed-in sessions are then checked on their id token too.
        settings.put("cognito.token-use", "id");
        return TestWars.withApplicationAwsSdk(TestWars.war(APP, settings, AwsSecurityConfig.class.getPackage())
                .addPackage(MovableClock.class.getPackage()));
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
    }

    @AfterEach
    void realTimeAgain() {
        ServerClock.reset(base);
    }

    private Browser signedIn(String username) {
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", username).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    private static JsonObject session(Browser browser) {
        HttpResponse<String> session = browser.get("api/session");
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        return Http.json(session);
    }

    private static HttpResponse<String> put(Browser browser, String key, String content) {
        return browser.putText("api/files/" + key, content);
    }

    @Test
    void aSignedInUserStoresAndReadsAnS3ObjectWithItsOwnCredentials() {
        String user = "aws-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        Browser browser = signedIn(user);

        HttpResponse<String> stored = put(browser, user + "/note.txt", "hello from " + user);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        HttpResponse<String> read = browser.get("api/files/" + user + "/note.txt");
        assertThat(Http.json(read).getString("content")).isEqualTo("hello from " + user);

        JsonObject session = session(browser);
        String accessKey = session.getString("accessKeyId");
        FakeCognitoIdentity identity = AwsStandIns.identity();
        assertThat(identity.identityOf(accessKey)).contains(session.getString("identityId"));
        assertThat(AwsStandIns.s3().requests(accessKey)).isEqualTo(2);
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, session.getString("identityId"))).isEqualTo(1);
        assertThat(identity.calls(FakeCognitoIdentity.GET_CREDENTIALS, session.getString("identityId"))).isEqualTo(1);
    }

    @Test
    void theSameAccessKeyWithAWrongSecretIsRefusedByS3() {
        String user = "aws-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        String accessKey = session(signedIn(user)).getString("accessKeyId");
        FakeCognitoIdentity identity = AwsStandIns.identity();

        try (S3Client forger = s3(AwsSessionCredentials.create(accessKey, "not-the-secret",
                identity.sessionTokenFor(accessKey).orElseThrow()))) {
            assertThatThrownBy(() -> forger.putObject(b -> b.bucket(LocalS3.BUCKET).key(user + "/forged"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        try (S3Client owner = s3(AwsSessionCredentials.create(accessKey, identity.secretFor(accessKey).orElseThrow(),
                identity.sessionTokenFor(accessKey).orElseThrow()))) {
            owner.putObject(b -> b.bucket(LocalS3.BUCKET).key(user + "/genuine"), RequestBody.fromString("x"));
        }
    }

    @Test
    void twoUsersAtOnceEachSignWithTheirOwnKeyAndFetchOnce() throws Exception {
        String ann = "aws-ann-" + System.nanoTime();
        String ben = "aws-ben-" + System.nanoTime();
        CognitoFixture.shared().createUser(ann, "user");
        CognitoFixture.shared().createUser(ben, "user");
        Browser annBrowser = signedIn(ann);
        Browser benBrowser = signedIn(ben);

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(annBrowser.putTextAsync("api/files/" + ann + "/" + i, "ann " + i));
            requests.add(benBrowser.putTextAsync("api/files/" + ben + "/" + i, "ben " + i));
        }
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            assertThat(request.get().statusCode()).as(request.get().body()).isEqualTo(200);
        }

        FakeCognitoIdentity identity = AwsStandIns.identity();
        for (Browser browser : List.of(annBrowser, benBrowser)) {
            JsonObject session = session(browser);
            String identityId = session.getString("identityId");
            assertThat(AwsStandIns.s3().requests(session.getString("accessKeyId"))).isEqualTo(10);
            assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId)).isEqualTo(1);
            assertThat(identity.calls(FakeCognitoIdentity.GET_CREDENTIALS, identityId)).isEqualTo(1);
        }
        assertThat(session(annBrowser).getString("identityId")).isNotEqualTo(session(benBrowser).getString("identityId"));
        assertThat(session(annBrowser).getString("accessKeyId")).isNotEqualTo(session(benBrowser).getString("accessKeyId"));

        // Past the freshness window (until 5 minutes before the expiration): one refresh for concurrent calls.
        String annsFirstKey = session(annBrowser).getString("accessKeyId");
        Instant expiration = identity.expirationOf(annsFirstKey).orElseThrow();
        ServerClock.moveTo(base, expiration.minus(REFRESH_MARGIN).plusSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(annBrowser.putTextAsync("api/files/" + ann + "/later-" + i, "again"));
        }
        for (CompletableFuture<HttpResponse<String>> request : later) {
            assertThat(request.get().statusCode()).isEqualTo(200);
        }
        String annIdentity = session(annBrowser).getString("identityId");
        assertThat(identity.calls(FakeCognitoIdentity.GET_CREDENTIALS, annIdentity)).isEqualTo(2);
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, annIdentity)).isEqualTo(1);
        String annsSecondKey = session(annBrowser).getString("accessKeyId");
        assertThat(annsSecondKey).as("fresh credentials").isNotEqualTo(annsFirstKey);
        assertThat(AwsStandIns.s3().requests(annsSecondKey)).as("every later call signed with them").isEqualTo(6);
    }

    @Test
    void aBearerIdTokenCallsS3AsItsUserWithoutASession() {
        CognitoFixture fixture = CognitoFixture.shared();
        String user = "aws-bearer-" + System.nanoTime();
        fixture.createUser(user, "user");
        String idToken = fixture.signIn(user).idToken();

        HttpResponse<String> stored = Http.putTextWithBearer(base, "api/files/" + user + "/bearer.txt", "stateless",
                idToken);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.headers().firstValue("Set-Cookie")).as("bearer requests are stateless").isEmpty();
        HttpResponse<String> sessionResponse = Http.getWithBearer(base, "api/session", idToken);
        assertThat(sessionResponse.statusCode()).as(sessionResponse.body()).isEqualTo(200);
        JsonObject session = Http.json(sessionResponse);
        String providerKey = "cognito-idp." + CognitoLocal.REGION.id() + ".amazonaws.com/" + fixture.poolId;
        String identityId = AwsStandIns.identity().identityFor(providerKey, Jwt.decode(idToken).getString("sub"))
                .orElseThrow(() -> new AssertionError("the identity pool never saw the user's id token"));
        assertThat(session.getString("identityId")).isEqualTo(identityId);
        assertThat(AwsStandIns.identity().identityOf(session.getString("accessKeyId"))).contains(identityId);
        assertThat(AwsStandIns.s3().requests(session.getString("accessKeyId"))).isEqualTo(1);
    }

    @Test
    void aBearerIdTokenWithTheSessionCookieOfAnotherUserGetsTheBearersCredentialsNeverTheCookies() {
        CognitoFixture fixture = CognitoFixture.shared();
        String ann = "aws-ann-" + System.nanoTime();
        String ben = "aws-ben-" + System.nanoTime();
        fixture.createUser(ann, "user");
        fixture.createUser(ben, "user");
        Browser bens = signedIn(ben);
        String bensIdentity = session(bens).getString("identityId");
        String annsIdToken = fixture.signIn(ann).idToken();

        HttpResponse<String> mixed = bens.get("api/aws-identity", "Authorization", "Bearer " + annsIdToken);

        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(200);
        String providerKey = "cognito-idp." + CognitoLocal.REGION.id() + ".amazonaws.com/" + fixture.poolId;
        String annsIdentity = AwsStandIns.identity().identityFor(providerKey, Jwt.decode(annsIdToken).getString("sub"))
                .orElseThrow(() -> new AssertionError("the identity pool never saw Ann's id token"));
        assertThat(annsIdentity).isNotEqualTo(bensIdentity);
        assertThat(AwsStandIns.identity().identityOf(Http.json(mixed).getString("accessKeyId")))
                .contains(annsIdentity);
        HttpResponse<String> bensOwn = bens.get("api/aws-identity");
        assertThat(AwsStandIns.identity().identityOf(Http.json(bensOwn).getString("accessKeyId")))
                .as("Ben, without the bearer token").contains(bensIdentity);
    }

    @Test
    void aFederatedLoginGetsCredentialsOfItsOwn() {
        Browser browser = new Browser(base);
        HttpResponse<String> loaded = browser.postJson("api/federated-login", Json.createObjectBuilder()
                .add("provider", "graph.facebook.com").add("token", "fb-token-of-carl").build());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);

        assertThat(put(browser, "carl/photo.txt", "from facebook").statusCode()).isEqualTo(200);

        JsonObject session = session(browser);
        assertThat(session.getBoolean("isSignedIn")).isFalse();
        assertThat(session.getString("identityId"))
                .isEqualTo(AwsStandIns.identity().identityFor("graph.facebook.com", "facebook-user-carl").orElseThrow());
    }

    @Test
    void afterSignOutThereAreNoCredentials() {
        String user = "aws-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        Browser browser = signedIn(user);
        assertThat(put(browser, user + "/before", "x").statusCode()).isEqualTo(200);

        assertThat(browser.postJson("api/sign-out", Json.createObjectBuilder().build()).statusCode()).isEqualTo(200);

        HttpResponse<String> after = put(browser, user + "/after", "x");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(401);
        assertThat(Http.json(after).getString("error")).isEqualTo("NOT_SIGNED_IN");
        assertThat(after.body()).doesNotContain("ASIA");
    }

    /**
     * Every end of a session makes the module forget the caller's credentials and identity id on this node: the next
     * session of the same user asks the identity pool again (GetId and GetCredentialsForIdentity), where a cache
     * that outlived the session would have answered.
     */
    @Test
    void everyEndOfASessionForgetsTheCallersCredentials() {
        String user = "aws-" + System.nanoTime();
        String other = "aws-other-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        CognitoFixture.shared().createUser(other, "user");
        FakeCognitoIdentity identity = AwsStandIns.identity();
        String identityId = session(signedIn(user)).getString("identityId");
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId)).isEqualTo(1);

        Browser signingOut = signedIn(user);
        assertThat(session(signingOut).getString("identityId")).isEqualTo(identityId);
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId)).as("a second session reuses them").isEqualTo(1);
        assertThat(signingOut.postJson("api/sign-out", Json.createObjectBuilder().build()).statusCode()).isEqualTo(200);
        Browser afterSignOut = signedIn(user);
        assertThat(session(afterSignOut).getString("identityId")).isEqualTo(identityId);
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId)).as("after a sign-out").isEqualTo(2);
        assertThat(identity.calls(FakeCognitoIdentity.GET_CREDENTIALS, identityId)).isEqualTo(2);

        assertThat(afterSignOut.postJson("api/invalidate", Json.createObjectBuilder().build()).statusCode())
                .isEqualTo(200);
        Browser afterInvalidation = signedIn(user);
        session(afterInvalidation);
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId)).as("after the application ended the session")
                .isEqualTo(3);

        HttpResponse<String> otherSignsIn = afterInvalidation.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", other).add("password", CognitoFixture.PASSWORD).build());
        assertThat(otherSignsIn.statusCode()).isEqualTo(200);
        session(signedIn(user));
        assertThat(identity.calls(FakeCognitoIdentity.GET_ID, identityId))
                .as("after another user signed in on the session").isEqualTo(4);
    }

    private S3Client s3(AwsSessionCredentials credentials) {
        return S3Client.builder().endpointOverride(AwsStandIns.s3().endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
