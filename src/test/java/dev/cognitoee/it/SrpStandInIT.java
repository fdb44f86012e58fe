package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.srp.PasswordClaim;
import dev.cognitoee.internal.srp.PasswordVerifierChallenge;
import dev.cognitoee.internal.srp.SrpClient;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.SrpStandIn;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The SRP stand-in itself, against the emulator (no server): it refuses what Cognito refuses (a wrong password, a
 * stale or malformed TIMESTAMP, a secret block it did not issue or that was answered already, a USERNAME that is not
 * USER_ID_FOR_SRP, a missing or wrong SECRET_HASH, a client that does not allow the flow) with Cognito's errors, and
 * answers a right proof with the emulator's real tokens. Without this, a stand-in that accepted anything would let
 * {@code SrpSignInIT} pass.
 */
class SrpStandInIT {

    private static CognitoFixture fixture;
    private static SrpStandIn srp;
    private static CognitoIdentityProviderClient cognito;
    private static UserPoolClientType plain;
    private static UserPoolClientType withSecret;
    private static UserPoolClientType passwordOnly;
    private static String username;

    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void start() {
        fixture = CognitoFixture.shared();
        srp = SrpStandIn.start(fixture.emulator(), fixture.poolId);
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(srp.endpoint()).region(CognitoLocal.REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        try (CognitoIdentityProviderClient emulator = fixture.emulator().client()) {
            plain = client(emulator, "stand-in-plain", false, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH);
            withSecret = client(emulator, "stand-in-secret", true, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH);
            passwordOnly = client(emulator, "stand-in-password", false,
                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
        }
        username = "standin-" + UUID.randomUUID().toString().substring(0, 8);
        fixture.createUser(username, "user");
        srp.register(username, CognitoFixture.PASSWORD, username + "@example.com");
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.close();
        }
        if (srp != null) {
            srp.close();
        }
    }

    private static UserPoolClientType client(CognitoIdentityProviderClient emulator, String name, boolean secret,
                                             ExplicitAuthFlowsType flow) {
        return emulator.createUserPoolClient(b -> b.userPoolId(fixture.poolId).clientName(name)
                .generateSecret(secret).explicitAuthFlows(flow, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
    }

    /** One SRP sign-in: the client's side computed with {@code password} at {@code now}, the answer changed. */
    private RespondToAuthChallengeResponse signIn(UserPoolClientType client, String typed, String password,
                                                  Instant now, UnaryOperator<Map<String, String>> change) {
        SrpClient srpClient = SrpClient.start(random);
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", typed, "SRP_A",
                srpClient.publicValueHex()));
        if (client.clientSecret() != null) {
            parameters.put("SECRET_HASH", secretHash(typed, client));
        }
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(client.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        PasswordVerifierChallenge verifier = PasswordVerifierChallenge.of(challenge.challengeParameters());
        PasswordClaim claim = srpClient.passwordClaim(fixture.poolId.substring(fixture.poolId.indexOf('_') + 1),
                verifier, password, now);
        Map<String, String> responses = new HashMap<>(claim.challengeResponses());
        responses.put("USERNAME", claim.userIdForSrp());
        if (client.clientSecret() != null) {
            responses.put("SECRET_HASH", secretHash(claim.userIdForSrp(), client));
        }
        Map<String, String> sent = change.apply(responses);
        return cognito.respondToAuthChallenge(b -> b.clientId(client.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(sent));
    }

    private static String secretHash(String name, UserPoolClientType client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((name + client.clientId())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCognitoError(Runnable call, String type, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void aRightProofGetsTheEmulatorsTokensForCognitosUser() {
        for (UserPoolClientType client : new UserPoolClientType[] {plain, withSecret}) {
            RespondToAuthChallengeResponse answer = signIn(client, username + "@example.com",
                    CognitoFixture.PASSWORD, Instant.now(), UnaryOperator.identity());
            assertThat(answer.authenticationResult().accessToken()).startsWith("eyJ");
            String claims = new String(Base64.getUrlDecoder().decode(
                    answer.authenticationResult().accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(claims).contains("\"username\":\"" + username + "\"")
                    .contains("\"client_id\":\"" + client.clientId() + "\"");
        }
    }

    @Test
    void aWrongPasswordIsCognitosNotAuthorized() {
        int refused = srp.proofsRefused();
        assertCognitoError(() -> signIn(plain, username, "Wr0ng-Password", Instant.now(), UnaryOperator.identity()),
                "NotAuthorizedException", "Incorrect username or password.");
        assertThat(srp.proofsRefused()).isEqualTo(refused + 1);
    }

    @Test
    void aStaleOrMalformedTimestampIsRefused() {
        assertCognitoError(() -> signIn(plain, username, CognitoFixture.PASSWORD,
                Instant.now().minusSeconds(600), UnaryOperator.identity()),
                "NotAuthorizedException", "Incorrect username or password.");
        assertCognitoError(() -> signIn(plain, username, CognitoFixture.PASSWORD, Instant.now(), responses -> {
            responses.put("TIMESTAMP", Instant.now().toString());
            return responses;
        }), "InvalidParameterException", "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.");
    }

    @Test
    void aSecretBlockNotIssuedOrAnsweredAlreadyIsRefused() {
        assertCognitoError(() -> signIn(plain, username, CognitoFixture.PASSWORD, Instant.now(), responses -> {
            responses.put("PASSWORD_CLAIM_SECRET_BLOCK", Base64.getEncoder().encodeToString(new byte[96]));
            return responses;
        }), "NotAuthorizedException", "Incorrect username or password.");

        Map<String, Map<String, String>> answered = new HashMap<>();
        signIn(plain, username, CognitoFixture.PASSWORD, Instant.now(), responses -> {
            answered.put("first", Map.copyOf(responses));
            return responses;
        });
        assertCognitoError(() -> cognito.respondToAuthChallenge(b -> b.clientId(plain.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answered.get("first"))),
                "NotAuthorizedException", "Incorrect username or password.");
    }

    @Test
    void theAnswersUsernameMustBeUserIdForSrp() {
        assertCognitoError(() -> signIn(plain, username + "@example.com", CognitoFixture.PASSWORD, Instant.now(),
                responses -> {
                    responses.put("USERNAME", username + "@example.com");
                    return responses;
                }), "NotAuthorizedException", "Incorrect username or password.");
    }

    @Test
    void secretHashesAreCheckedAtBothCalls() {
        assertCognitoError(() -> cognito.initiateAuth(b -> b.clientId(withSecret.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(Map.of("USERNAME", username,
                        "SRP_A", SrpClient.start(random).publicValueHex()))), "NotAuthorizedException",
                "Client " + withSecret.clientId() + " is configured with secret but SECRET_HASH was not received");
        assertCognitoError(() -> signIn(withSecret, username, CognitoFixture.PASSWORD, Instant.now(), responses -> {
            responses.put("SECRET_HASH", secretHash("someone-else", withSecret));
            return responses;
        }), "NotAuthorizedException", "Unable to verify secret hash for client " + withSecret.clientId());
    }

    @Test
    void aClientThatDoesNotAllowSrpIsRefusedAndAnUnknownUserIsNotFound() {
        assertCognitoError(() -> signIn(passwordOnly, username, CognitoFixture.PASSWORD, Instant.now(),
                UnaryOperator.identity()), "InvalidParameterException",
                "USER_SRP_AUTH flow not enabled for this client");
        assertCognitoError(() -> signIn(plain, "nobody-" + username, CognitoFixture.PASSWORD, Instant.now(),
                UnaryOperator.identity()), "UserNotFoundException", "User does not exist.");
    }
}
