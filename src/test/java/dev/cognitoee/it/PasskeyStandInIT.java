package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.cognitoee.internal.userpool.JsonDocuments;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.PasskeyStandIn;
import dev.cognitoee.it.support.TestAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * The passkey stand-in itself, driven over HTTP with the AWS SDK and a software authenticator (no server): it
 * really verifies what the browser sends (a forged attestation or assertion is refused with Cognito's error), keeps
 * passkeys per user, and signs a user in with a passkey to the emulator's real tokens. Without this, a stand-in that
 * accepted anything would let the module's passkey tests pass.
 */
class PasskeyStandInIT {

    private static final String RP_ID = "localhost";
    private static final String ORIGIN = "http://localhost:8080";

    private static CognitoFixture fixture;
    private static PasskeyStandIn passkeys;
    private static CognitoIdentityProviderClient cognito;
    private static String userAuthClient;
    private static String passwordOnlyClient;

    @BeforeAll
    static void start() {
        fixture = CognitoFixture.shared();
        passkeys = PasskeyStandIn.start(fixture.emulator(), fixture.poolId, RP_ID, ORIGIN);
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(passkeys.endpoint())
                .region(CognitoLocal.REGION).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        try (CognitoIdentityProviderClient emulator = fixture.emulator().client()) {
            userAuthClient = emulator.createUserPoolClient(b -> b.userPoolId(fixture.poolId).clientName("passkeys")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            passwordOnlyClient = emulator.createUserPoolClient(b -> b.userPoolId(fixture.poolId)
                    .clientName("no-user-auth").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                    .userPoolClient().clientId();
        }
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (passkeys != null) {
            passkeys.close();
        }
    }

    /** A new user of the emulator, signed in: their access token. */
    private static String newUser() {
        String username = "pk-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.createUser(username, "user");
        passkeys.knowPassword(username, CognitoFixture.PASSWORD);
        return fixture.signIn(username).accessToken();
    }

    private static String startRegistration(String accessToken) {
        return JsonDocuments.toJsonObject(cognito.startWebAuthnRegistration(b -> b.accessToken(accessToken))
                .credentialCreationOptions()).toString();
    }

    private static void completeRegistration(String accessToken, String credential) {
        cognito.completeWebAuthnRegistration(b -> b.accessToken(accessToken)
                .credential(JsonDocuments.toDocument(json(credential))));
    }

    private static TestAuthenticator registered(String accessToken) {
        TestAuthenticator authenticator = new TestAuthenticator();
        completeRegistration(accessToken, authenticator.register(startRegistration(accessToken), ORIGIN));
        return authenticator;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertCognitoError(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        });
    }

    @Test
    void aVerifiedRegistrationIsListedThenDeleted() throws ParseException {
        String token = newUser();
        JsonObject options = json(startRegistration(token));
        assertThat(options.getJsonObject("rp").getString("id")).isEqualTo(RP_ID);
        assertThat(options.getString("challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(options.getJsonObject("user").getString("name"))
                .isEqualTo(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("username"));
        assertThat(json(startRegistration(token)).getString("challenge")).as("a fresh challenge each time")
                .isNotEqualTo(options.getString("challenge"));

        TestAuthenticator authenticator = registered(token);
        WebAuthnCredentialDescription listed = cognito.listWebAuthnCredentials(b -> b.accessToken(token))
                .credentials().get(0);
        assertThat(listed.credentialId()).isEqualTo(authenticator.credentialId());
        assertThat(listed.relyingPartyId()).isEqualTo(RP_ID);
        assertThat(listed.authenticatorAttachment()).isEqualTo("platform");
        assertThat(listed.authenticatorTransports()).containsExactly("internal");
        assertThat(listed.createdAt()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        assertThat(json(startRegistration(token)).getJsonArray("excludeCredentials").getJsonObject(0)
                .getString("id")).as("an authenticator is not registered twice").isEqualTo(listed.credentialId());

        cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(listed.credentialId()));
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials()).isEmpty();
        assertCognitoError(() -> cognito.deleteWebAuthnCredential(b -> b.accessToken(token)
                .credentialId(listed.credentialId())), "ResourceNotFoundException");
    }

    @Test
    void forgedRegistrationsAreRefusedWithCognitosErrors() {
        String token = newUser();
        String challenge = json(startRegistration(token)).getString("challenge");
        String otherChallenge = "A".repeat(43);
        assertCognitoError(() -> completeRegistration(token,
                new TestAuthenticator().register(RP_ID, otherChallenge, ORIGIN)), "WebAuthnChallengeNotFoundException");
        assertCognitoError(() -> completeRegistration(token, new TestAuthenticator().register(RP_ID, challenge,
                ORIGIN)), "WebAuthnChallengeNotFoundException"); // the challenge answered once, wrongly: gone

        assertCognitoError(() -> completeRegistration(token, new TestAuthenticator().register(RP_ID,
                json(startRegistration(token)).getString("challenge"), "https://evil.example")),
                "WebAuthnOriginNotAllowedException");
        assertCognitoError(() -> completeRegistration(token, new TestAuthenticator().register("evil.example",
                json(startRegistration(token)).getString("challenge"), ORIGIN)),
                "WebAuthnRelyingPartyMismatchException");
        assertCognitoError(() -> completeRegistration(token, new TestAuthenticator().withoutUserVerification()
                .register(startRegistration(token), ORIGIN)), "WebAuthnCredentialNotSupportedException");
        startRegistration(token);
        assertCognitoError(() -> completeRegistration(token, "{\"id\":\"x\",\"response\":{\"clientDataJSON\":\"e30\","
                + "\"attestationObject\":\"AAAA\"}}"), "InvalidParameterException");

        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials()).isEmpty();
        assertThat(passkeys.registrationsRefused()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void passkeysArePerUserAndTheTokenIsChecked() {
        String alice = newUser();
        String bob = newUser();
        TestAuthenticator alicesKey = registered(alice);
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(bob)).credentials()).isEmpty();
        assertCognitoError(() -> cognito.deleteWebAuthnCredential(b -> b.accessToken(bob)
                .credentialId(alicesKey.credentialId())), "ResourceNotFoundException");
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(alice)).credentials()).hasSize(1);

        String forged = alice.substring(0, alice.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertCognitoError(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(forged)),
                "NotAuthorizedException");
        assertCognitoError(() -> cognito.startWebAuthnRegistration(b -> b.accessToken("not-a-token")),
                "NotAuthorizedException");
        String idToken = fixture.signIn(SignedJWTs.username(alice)).idToken();
        assertCognitoError(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(idToken)),
                "NotAuthorizedException");
    }

    @Test
    void listsArePagedAndAPageTokenIsTheUsersOnly() {
        String token = newUser();
        String other = newUser();
        for (int i = 0; i < 3; i++) {
            registered(token);
        }
        ListWebAuthnCredentialsResponse first = cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .maxResults(2));
        assertThat(first.credentials()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        assertCognitoError(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(other)
                .nextToken(first.nextToken())), "InvalidParameterException");
        ListWebAuthnCredentialsResponse again = cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .maxResults(2));
        ListWebAuthnCredentialsResponse second = cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .maxResults(2).nextToken(again.nextToken()));
        assertThat(second.credentials()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertCognitoError(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(token).maxResults(21)),
                "InvalidParameterException");
    }

    private InitiateAuthResponse initiate(String clientId, String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", username, "PREFERRED_CHALLENGE", "WEB_AUTHN")));
    }

    private RespondToAuthChallengeResponse respond(InitiateAuthResponse challenge, String username,
                                                   String credential, UnaryOperator<Map<String, String>> change) {
        Map<String, String> responses = new HashMap<>(Map.of("USERNAME", username, "CREDENTIAL", credential));
        return cognito.respondToAuthChallenge(b -> b.clientId(userAuthClient).challengeName(ChallengeNameType.WEB_AUTHN)
                .session(challenge.session()).challengeResponses(change.apply(responses)));
    }

    @Test
    void aPasskeySignInGetsTheEmulatorsTokensAndForgeriesAreRefused() throws ParseException {
        String token = newUser();
        String username = SignedJWTs.username(token);
        TestAuthenticator authenticator = registered(token);

        InitiateAuthResponse challenge = initiate(userAuthClient, username);
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.WEB_AUTHN);
        String options = challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS");
        assertThat(json(options).getString("rpId")).isEqualTo(RP_ID);
        assertThat(json(options).getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
                .isEqualTo(authenticator.credentialId());
        String assertion = authenticator.authenticate(options, ORIGIN);
        RespondToAuthChallengeResponse signedIn = respond(challenge, username, assertion, r -> r);
        assertThat(SignedJWT.parse(signedIn.authenticationResult().accessToken()).getJWTClaimsSet().getSubject())
                .as("the emulator's real token, for that user")
                .isEqualTo(SignedJWT.parse(token).getJWTClaimsSet().getSubject());
        assertCognitoError(() -> respond(challenge, username, assertion, r -> r), "NotAuthorizedException");

        InitiateAuthResponse wrongOrigin = initiate(userAuthClient, username);
        assertCognitoError(() -> respond(wrongOrigin, username, authenticator.authenticate(
                wrongOrigin.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), "https://evil.example"), r -> r),
                "NotAuthorizedException");
        InitiateAuthResponse wrongChallenge = initiate(userAuthClient, username);
        assertCognitoError(() -> respond(wrongChallenge, username, authenticator.authenticate(options, ORIGIN),
                r -> r), "NotAuthorizedException");
        InitiateAuthResponse cloned = initiate(userAuthClient, username);
        authenticator.signCount(0); // a copy of the authenticator, behind the real one's count
        assertCognitoError(() -> respond(cloned, username, authenticator.authenticate(
                cloned.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), ORIGIN), r -> r),
                "NotAuthorizedException");
        InitiateAuthResponse stranger = initiate(userAuthClient, username);
        assertCognitoError(() -> respond(stranger, username, new TestAuthenticator().authenticate(
                stranger.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), ORIGIN), r -> r),
                "NotAuthorizedException");
        InitiateAuthResponse unverified = initiate(userAuthClient, username);
        authenticator.signCount(100).withoutUserVerification();
        assertCognitoError(() -> respond(unverified, username, authenticator.authenticate(
                unverified.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"), ORIGIN), r -> r),
                "NotAuthorizedException");
        assertThat(passkeys.assertionsAccepted()).isGreaterThanOrEqualTo(1);
        assertThat(passkeys.assertionsRefused()).isGreaterThanOrEqualTo(6);

        assertCognitoError(() -> initiate(passwordOnlyClient, username), "InvalidParameterException");
        assertCognitoError(() -> initiate(userAuthClient, "nobody-" + UUID.randomUUID()), "NotAuthorizedException");
    }

    /** The username claim of an access token. */
    private static final class SignedJWTs {
        static String username(String accessToken) {
            try {
                return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("username");
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
