package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The identity pool slow, throttling or failing, seen from a deployed application: every request is answered
 * (503 with the error type, never a stack trace or Cognito's text), the requests of one caller share one fetch, and
 * 100 users at once each get credentials of their own identity. Whose credentials a request with a bearer access
 * token and another user's session cookie gets: a clear error, never the cookie's user's.
 *
 * <p>Timeouts of this deployment: connect 1 s, read 3 s, so an identity-pool call takes at most 2 attempts of 4 s
 * plus a 0.5 s retry delay (8.5 s), and a request waits for another's fetch at most 2 x 8.5 + 1 = 18 s.
 */
@ExtendWith(SharedPayara.class)
class CredentialsFaultsIT {

    private static final Logger LOG = Logger.getLogger(CredentialsFaultsIT.class.getName());
    private static final String APP = "faults";
    private static final int CONCURRENT = 10;
    private static final int USERS = 100;
    private static final int MAX_ATTEMPTS = 2; // the module's attempts per identity-pool call (FetchBounds)
    private static final Duration PAST_THE_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final String FAKES_OWN_TEXT = "ip-10-0-3-7"; // in every injected fault's message

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        Map<String, String> settings = AwsStandIns.applicationSettings(); // token-use: access, the default
        settings.put("cognito.connect-timeout", "1000");
        settings.put("cognito.read-timeout", "3000");
        return TestWars.withApplicationAwsSdk(TestWars.war(APP, settings, AwsSecurityConfig.class.getPackage()));
    }

    @BeforeEach
    void deployed() {
        TestWars.assertDeployed(base, APP);
        AwsStandIns.identity().heal();
    }

    @AfterEach
    void heal() {
        AwsStandIns.identity().heal();
    }

    private static FakeCognitoIdentity identity() {
        return AwsStandIns.identity();
    }

    private static String newUser(String prefix) {
        String user = prefix + "-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        return user;
    }

    private Browser signedIn(String user) {
        Browser browser = new Browser(base);
        HttpResponse<String> signIn = browser.postJson("api/sign-in", Json.createObjectBuilder()
                .add("username", user).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    private static String accessKey(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("accessKeyId");
    }

    private static String sub(CognitoIdentityProviderClient cognito, String user) {
        return cognito.adminGetUser(b -> b.userPoolId(CognitoFixture.shared().poolId).username(user))
                .userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static String identityOfUser(String sub) {
        String providerKey = "cognito-idp." + CognitoLocal.REGION.id() + ".amazonaws.com/"
                + CognitoFixture.shared().poolId;
        return identity().identityFor(providerKey, sub).orElseThrow(
                () -> new AssertionError("the identity pool never saw the user " + sub));
    }

    /** {@value #CONCURRENT} requests of the browser's caller at once, all answered (the client's bound: 30 s). */
    private static List<HttpResponse<String>> concurrently(Browser browser) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            requests.add(browser.getAsync("api/aws-identity"));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            responses.add(request.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static void assertClearServiceError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonObject body = Http.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("message")).doesNotContain(FAKES_OWN_TEXT).doesNotContain("\tat ")
                .doesNotContain("127.0.0.1").doesNotContain("Exception:");
    }

    @Test
    void aBearerAccessTokenWithAnotherUsersSessionCookieGetsAClearErrorNeverTheirCredentials() {
        String ann = newUser("faults-ann");
        String ben = newUser("faults-ben");
        Browser bens = signedIn(ben);
        String bensKey = accessKey(bens.get("api/aws-identity"));
        String annsAccessToken = CognitoFixture.shared().signIn(ann).accessToken();

        HttpResponse<String> mixed = bens.get("api/aws-identity", "Authorization", "Bearer " + annsAccessToken);

        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(401);
        assertThat(Http.json(mixed).getString("error")).isEqualTo("NOT_AUTHORIZED");
        assertThat(Http.json(mixed).getString("message")).contains("need the caller's id token");
        assertThat(mixed.body()).doesNotContain(bensKey);
        assertThat(accessKey(bens.get("api/aws-identity"))).as("Ben, without the bearer token").isEqualTo(bensKey);
    }

    @Test
    void concurrentRequestsOfOneCallerMakeOneCallToTheIdentityPool() throws Exception {
        Browser browser = signedIn(newUser("faults-flight"));
        identity().delay(Duration.ofMillis(1500)); // slow but within the read timeout: every request overlaps
        int getIds = identity().calls(FakeCognitoIdentity.GET_ID);
        int getCredentials = identity().calls(FakeCognitoIdentity.GET_CREDENTIALS);

        List<HttpResponse<String>> responses = concurrently(browser);

        Set<String> keys = new HashSet<>();
        responses.forEach(response -> keys.add(accessKey(response)));
        assertThat(keys).hasSize(1);
        assertThat(identity().calls(FakeCognitoIdentity.GET_ID) - getIds).isEqualTo(1);
        assertThat(identity().calls(FakeCognitoIdentity.GET_CREDENTIALS) - getCredentials).isEqualTo(1);
    }

    @Test
    void aSlowIdentityPoolGetsEveryRequestA503WithinTheBoundThenRecovers() throws Exception {
        Browser browser = signedIn(newUser("faults-slow"));
        identity().delay(PAST_THE_READ_TIMEOUT);
        int getIds = identity().calls(FakeCognitoIdentity.GET_ID);

        List<HttpResponse<String>> responses = concurrently(browser);

        responses.forEach(response -> assertClearServiceError(response, "SERVICE_UNAVAILABLE"));
        int calls = identity().calls(FakeCognitoIdentity.GET_ID) - getIds;
        LOG.info("slow identity pool: " + CONCURRENT + " requests, " + calls + " GetId calls");
        assertThat(calls).as("one fetch of at most 2 attempts for all requests").isBetween(1, 2);
        identity().heal();
        accessKey(browser.get("api/aws-identity"));
    }

    @Test
    void throttlingGetsEveryRequestA503AndNoStampedeThenRecovers() throws Exception {
        Browser browser = signedIn(newUser("faults-throttled"));
        identity().fail(400, "TooManyRequestsException");
        identity().delay(Duration.ofMillis(500)); // so that the concurrent requests overlap one fetch
        int getIds = identity().calls(FakeCognitoIdentity.GET_ID);

        List<HttpResponse<String>> responses = concurrently(browser);

        responses.forEach(response -> assertClearServiceError(response, "TOO_MANY_REQUESTS"));
        int calls = identity().calls(FakeCognitoIdentity.GET_ID) - getIds;
        LOG.info("throttling identity pool: " + CONCURRENT + " requests, " + calls + " GetId calls");
        assertThat(calls).isBetween(1, 2);
        identity().heal();
        accessKey(browser.get("api/aws-identity"));
    }

    @Test
    void anInternalErrorGetsEveryRequestA503InTheModulesWordsThenRecovers() throws Exception {
        Browser browser = signedIn(newUser("faults-500"));
        identity().fail(500, "InternalErrorException");
        identity().delay(Duration.ofMillis(500));
        int getIds = identity().calls(FakeCognitoIdentity.GET_ID);

        List<HttpResponse<String>> responses = concurrently(browser);

        responses.forEach(response -> assertClearServiceError(response, "SERVICE_UNAVAILABLE"));
        int calls = identity().calls(FakeCognitoIdentity.GET_ID) - getIds;
        LOG.info("failing identity pool: " + CONCURRENT + " requests, " + calls + " GetId calls");
        assertThat(calls).isBetween(1, 2);
        identity().heal();
        accessKey(browser.get("api/aws-identity"));
    }

    @Test
    void aHundredConcurrentUsersEachGetCredentialsOfTheirOwnIdentity() throws Exception {
        List<String> users = new ArrayList<>();
        Map<String, String> subs = new java.util.HashMap<>();
        try (CognitoIdentityProviderClient cognito = CognitoFixture.shared().emulator().client()) {
            for (int i = 0; i < USERS; i++) {
                String user = newUser("crowd-" + i);
                users.add(user);
                subs.put(user, sub(cognito, user));
            }
        }
        List<Browser> browsers = new ArrayList<>();
        ExecutorService signIns = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Browser>> pending = new ArrayList<>();
            for (String user : users) {
                pending.add(CompletableFuture.supplyAsync(() -> signedIn(user), signIns));
            }
            for (CompletableFuture<Browser> browser : pending) {
                browsers.add(browser.get(60, TimeUnit.SECONDS));
            }
        } finally {
            signIns.shutdownNow();
        }
        // The pool's keys, fetched once before the burst: a cold JWKS fetch in a freshly deployed WAR can outlast
        // the cold-start wait on a loaded 2-core machine, and that burst is SigningKeysTest's subject, not this one's.
        HttpResponse<String> caller = browsers.get(0).get("api/caller");
        assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
        assertThat(Http.json(caller).getString("name")).isEqualTo(users.get(0));
        int getIds = identity().calls(FakeCognitoIdentity.GET_ID);
        int getIdRetries = identity().retries(FakeCognitoIdentity.GET_ID);
        int getCredentials = identity().calls(FakeCognitoIdentity.GET_CREDENTIALS);
        int getCredentialsRetries = identity().retries(FakeCognitoIdentity.GET_CREDENTIALS);

        List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> whoami = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            puts.add(browsers.get(i).putTextAsync("api/files/" + users.get(i) + "/own.txt", users.get(i)));
            whoami.add(browsers.get(i).getAsync("api/aws-identity"));
        }

        Set<String> keys = new HashSet<>();
        Set<String> identities = new HashSet<>();
        for (int i = 0; i < USERS; i++) {
            HttpResponse<String> put = puts.get(i).get(60, TimeUnit.SECONDS);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String key = accessKey(whoami.get(i).get(60, TimeUnit.SECONDS));
            String own = identityOfUser(subs.get(users.get(i)));
            assertThat(identity().identityOf(key)).as("the identity behind %s's key", users.get(i)).contains(own);
            assertThat(AwsStandIns.s3().requests(key)).as("S3 calls signed with %s's key", users.get(i)).isEqualTo(1);
            keys.add(key);
            identities.add(own);
        }
        assertThat(keys).hasSize(USERS);
        assertThat(identities).hasSize(USERS);
        int getIdCalls = identity().calls(FakeCognitoIdentity.GET_ID) - getIds;
        int getIdRetried = identity().retries(FakeCognitoIdentity.GET_ID) - getIdRetries;
        int getCredentialsCalls = identity().calls(FakeCognitoIdentity.GET_CREDENTIALS) - getCredentials;
        int getCredentialsRetried = identity().retries(FakeCognitoIdentity.GET_CREDENTIALS) - getCredentialsRetries;
        LOG.info(USERS + " concurrent users, a PUT and a GET each: " + getIdCalls + " GetId (" + getIdRetried
                + " of them SDK retries) and " + getCredentialsCalls + " GetCredentialsForIdentity ("
                + getCredentialsRetried + " retries)");
        // One fetch per user: at most one first attempt of each call per user. An attempt that outlives the 3 s read
        // timeout on a loaded machine is retried once by the SDK, which the stand-in tells apart by its
        // amz-sdk-request; a first attempt lost before it arrived (a connect timeout) shows up only as its retry.
        assertThat(getIdCalls - getIdRetried).isBetween(USERS - getIdRetried, USERS);
        assertThat(getCredentialsCalls - getCredentialsRetried).isBetween(USERS - getCredentialsRetried, USERS);
        assertThat(getIdRetried).isLessThanOrEqualTo(USERS * (MAX_ATTEMPTS - 1));
    }
}
