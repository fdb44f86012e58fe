package dev.cognitoee.it.support;

import static dev.cognitoee.it.support.FakeCognitoIdentity.GET_CREDENTIALS;
import static dev.cognitoee.it.support.FakeCognitoIdentity.GET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.GetCredentialsForIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

class FakeCognitoIdentityTest {

    private static final String POOL = "us-east-1:7d3e6b2a-0c4f-4e8a-9b1d-2f5a6c7e8d90";
    private static final String USER_POOL = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    private static final String OTHER_POOL = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool";
    private static final String OTHER_ISSUER = "https://" + OTHER_POOL;
    private static final String GOOGLE = "accounts.google.com";
    private static final String FACEBOOK = "graph.facebook.com";
    private static final String ALICE = "6f1c0d2e-1111-2222-3333-444455556666";
    private static final String BOB = "0a9b8c7d-1111-2222-3333-444455556666";

    private static final TokenMinter minter = new TokenMinter("pool-key");
    private static final TokenMinter otherMinter = new TokenMinter("other-key");
    private static final TokenMinter impostor = new TokenMinter("pool-key"); // same kid, different key
    private static final TokenMinter google = new TokenMinter("google-key");
    private JwksServer jwks;
    private JwksServer otherJwks;
    private FakeCognitoIdentity fake;
    private CognitoIdentityClient client;

    @BeforeEach
    void start() throws IOException {
        jwks = new JwksServer(minter.key().toPublicJWK());
        otherJwks = new JwksServer(otherMinter.key().toPublicJWK());
        fake = FakeCognitoIdentity.start(POOL, false);
        fake.registerUserPool(USER_POOL, TokenMinter.ISSUER, jwks.uri(), Set.of(TokenMinter.CLIENT_ID));
        fake.registerUserPool(OTHER_POOL, OTHER_ISSUER, otherJwks.uri(), Set.of("otherclient"));
        fake.registerOidcProvider(GOOGLE, "https://accounts.google.com", google.key(), "google-client");
        fake.registerStaticProvider(FACEBOOK, Map.of("fb-token-of-carol", "carol-fb-id"));
        client = CognitoIdentityClient.builder()
                .endpointOverride(fake.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
        jwks.close();
        otherJwks.close();
    }

    @Test
    void authenticatedUserGetsAnIdentityAndSessionCredentials() {
        fake.credentialsLifetime(Duration.ofSeconds(60));
        String token = idToken(ALICE);

        String identityId = getId(USER_POOL, token);
        Instant before = Instant.now();
        GetCredentialsForIdentityResponse response = client.getCredentialsForIdentity(
                b -> b.identityId(identityId).logins(Map.of(USER_POOL, token)));

        assertThat(identityId).matches("us-east-1:[0-9a-f-]{36}");
        assertThat(response.identityId()).isEqualTo(identityId);
        Credentials credentials = response.credentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration())
                .isBetween(before.plusSeconds(58), before.plusSeconds(61))
                .isEqualTo(fake.expirationOf(credentials.accessKeyId()).orElseThrow());
        assertThat(fake.secretFor(credentials.accessKeyId())).contains(credentials.secretKey());
        assertThat(fake.identityOf(credentials.accessKeyId())).contains(identityId);
        assertThat(fake.identityFor(USER_POOL, ALICE)).contains(identityId);
        assertThat(fake.secretFor("ASIAUNKNOWNUNKNOWN00")).isEmpty();
    }

    @Test
    void theSameUserAlwaysGetsTheSameIdentityButFreshCredentials() {
        String first = getId(USER_POOL, idToken(ALICE));
        String second = getId(USER_POOL, idToken(ALICE));

        Credentials one = credentials(first, USER_POOL, idToken(ALICE));
        Credentials two = credentials(first, USER_POOL, idToken(ALICE));

        assertThat(second).isEqualTo(first);
        assertThat(two.accessKeyId()).isNotEqualTo(one.accessKeyId());
        assertThat(two.secretKey()).isNotEqualTo(one.secretKey());
        assertThat(two.sessionToken()).isNotEqualTo(one.sessionToken());
        assertThat(fake.identities()).containsExactly(first);
    }

    @Test
    void differentUsersGetDifferentIdentitiesAndCredentials() {
        String alice = getId(USER_POOL, idToken(ALICE));
        String bob = getId(USER_POOL, idToken(BOB));
        String google = getId(GOOGLE, googleToken(c -> { }));
        String carol = getId(FACEBOOK, "fb-token-of-carol");

        Credentials aliceCredentials = credentials(alice, USER_POOL, idToken(ALICE));
        Credentials bobCredentials = credentials(bob, USER_POOL, idToken(BOB));

        assertThat(List.of(alice, bob, google, carol)).doesNotHaveDuplicates();
        assertThat(fake.identities()).containsExactly(alice, bob, google, carol);
        assertThat(bobCredentials.accessKeyId()).isNotEqualTo(aliceCredentials.accessKeyId());
        assertThat(bobCredentials.secretKey()).isNotEqualTo(aliceCredentials.secretKey());
        assertThat(fake.identityOf(bobCredentials.accessKeyId())).contains(bob);
        assertThat(fake.identityFor(FACEBOOK, "carol-fb-id")).contains(carol);
    }

    @Test
    void invalidLoginTokensAreNotAuthorized() {
        Instant past = Instant.now().minusSeconds(7200);
        assertRefused(USER_POOL, idToken(ALICE, c -> {
            c.put("iat", past.getEpochSecond());
            c.put("exp", past.plusSeconds(3600).getEpochSecond());
        }), "Token expired");
        assertRefused(USER_POOL, idToken(ALICE, c -> c.put("iss", OTHER_ISSUER)), "Issuer");
        assertRefused(USER_POOL, idToken(ALICE, c -> c.put("aud", "someoneelse")), "audience");
        assertRefused(USER_POOL, idToken(ALICE, c -> c.put("token_use", "access")), "ID token");
        assertRefused(USER_POOL, impostor.sign(TokenMinter.idClaims(Instant.now())), "verify");
        assertRefused(USER_POOL, TokenMinter.withPayload(idToken(ALICE),
                "{\"sub\":\"" + BOB + "\",\"iss\":\"" + TokenMinter.ISSUER + "\"}"), "verify");
        assertRefused(USER_POOL, "not-a-jwt", "Invalid login token");
        assertRefused(OTHER_POOL, idToken(ALICE), "verify"); // a token of another provider key
        assertRefused(FACEBOOK, idToken(ALICE), "Invalid login token");
        assertRefused("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Unknown", idToken(ALICE), "supported provider");
        assertRefused(GOOGLE, googleToken(c -> c.put("aud", "another-client")), "audience");
        assertThat(fake.identities()).isEmpty();
    }

    @Test
    void anOidcProvidersAzpIsCheckedBeforeItsAud() {
        // As the service does: azp, when present, must be a registered client id; aud only counts without azp.
        assertThat(getId(GOOGLE, googleToken(c -> c.put("azp", "google-client")))).isNotBlank();
        assertRefused(GOOGLE, googleToken(c -> c.put("azp", "another-client")), "audience");
        assertThat(getId(GOOGLE, googleToken(c -> {
            c.put("azp", "google-client");
            c.put("aud", "another-client");
        }))).isNotBlank();
    }

    @Test
    void anOidcProviderIsKnownOnlyByItsIssuerWithoutTheScheme() {
        assertThatThrownBy(() -> fake.registerOidcProvider("login.example.test", "https://other.example.test",
                google.key(), "client")).isInstanceOf(IllegalArgumentException.class);
        fake.registerOidcProvider("login.example.test/tenant", "https://login.example.test/tenant", google.key(),
                "client");
    }

    @Test
    void credentialsOfAnAuthenticatedIdentityNeedItsOwnLogin() {
        String alice = getId(USER_POOL, idToken(ALICE));
        getId(USER_POOL, idToken(BOB));

        assertThatThrownBy(() -> client.getCredentialsForIdentity(b -> b.identityId(alice)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> credentials(alice, USER_POOL, idToken(BOB)))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("forbidden");
        assertThatThrownBy(() -> credentials(alice, GOOGLE, googleToken(c -> c.put("exp", 1L))))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("expired");
        assertThat(fake.calls(GET_CREDENTIALS, alice)).isEqualTo(3);
    }

    @Test
    void guestsAreRefusedUnlessThePoolAllowsThem() {
        assertThatThrownBy(() -> client.getId(b -> b.identityPoolId(POOL)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unauthenticated access is not supported for this identity pool.");

        fake.allowUnauthenticated(true);
        String guest = client.getId(b -> b.identityPoolId(POOL)).identityId();
        String another = client.getId(b -> b.identityPoolId(POOL)).identityId();
        Credentials credentials = client.getCredentialsForIdentity(b -> b.identityId(guest)).credentials();

        assertThat(another).isNotEqualTo(guest);
        assertThat(fake.identityOf(credentials.accessKeyId())).contains(guest);
        fake.allowUnauthenticated(false);
        assertThatThrownBy(() -> client.getCredentialsForIdentity(b -> b.identityId(guest)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void unknownPoolsAndIdentitiesAreNotFound() {
        assertThatThrownBy(() -> client.getId(b -> b.identityPoolId("us-east-1:00000000-0000-0000-0000-000000000000")
                        .logins(Map.of(USER_POOL, idToken(ALICE)))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> credentials("us-east-1:00000000-0000-0000-0000-000000000000", USER_POOL,
                idToken(ALICE))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void callsAreCountedPerOperationAndIdentity() {
        String alice = getId(USER_POOL, idToken(ALICE));
        credentials(alice, USER_POOL, idToken(ALICE));
        String bob = getId(USER_POOL, idToken(BOB));
        getId(USER_POOL, idToken(BOB));
        assertThatThrownBy(() -> getId(USER_POOL, idToken(BOB, c -> c.put("aud", "x"))))
                .isInstanceOf(NotAuthorizedException.class);

        assertThat(fake.calls(GET_ID, alice)).isEqualTo(1);
        assertThat(fake.calls(GET_CREDENTIALS, alice)).isEqualTo(1);
        assertThat(fake.calls(GET_ID, bob)).isEqualTo(2);
        assertThat(fake.calls(GET_CREDENTIALS, bob)).isZero();
        assertThat(fake.calls(GET_ID)).isEqualTo(4);
        assertThat(fake.calls(GET_CREDENTIALS)).isEqualTo(1);
        fake.resetCalls();
        assertThat(fake.calls(GET_ID)).isZero();
        assertThat(fake.calls(GET_ID, alice)).isZero();
    }

    @Test
    void unknownOperationsAreRefusedOnTheWire() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(fake.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSCognitoIdentityService.DeleteIdentityPool")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    private String getId(String providerKey, String token) {
        return client.getId(b -> b.identityPoolId(POOL).logins(Map.of(providerKey, token))).identityId();
    }

    private Credentials credentials(String identityId, String providerKey, String token) {
        return client.getCredentialsForIdentity(b -> b.identityId(identityId).logins(Map.of(providerKey, token)))
                .credentials();
    }

    private void assertRefused(String providerKey, String token, String message) {
        assertThatThrownBy(() -> getId(providerKey, token))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((NotAuthorizedException) e).awsErrorDetails().errorCode())
                        .isEqualTo("NotAuthorizedException"));
    }

    private String idToken(String sub) {
        return idToken(sub, c -> { });
    }

    private String idToken(String sub, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TokenMinter.idClaims(Instant.now());
        claims.put("sub", sub);
        change.accept(claims);
        return minter.sign(claims);
    }

    private String googleToken(Consumer<Map<String, Object>> change) {
        Instant now = Instant.now();
        Map<String, Object> claims = new java.util.LinkedHashMap<>(Map.of("iss", "https://accounts.google.com",
                "sub", "110169484474386276334", "aud", "google-client", "email", "dave@gmail.com",
                "iat", now.getEpochSecond(), "exp", now.plusSeconds(3600).getEpochSecond()));
        change.accept(claims);
        return google.sign(claims);
    }
}
