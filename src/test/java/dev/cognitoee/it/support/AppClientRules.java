package dev.cognitoee.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Cognito's rules for an app client, as the stand-ins check them before they play a sign-in: the flow must be
 * allowed, and a client with a secret needs the right SECRET_HASH. The clients are read from the emulator
 * ({@code DescribeUserPoolClient}); the refusals are Cognito's.
 */
final class AppClientRules {

    /** What Cognito allows a client created without ExplicitAuthFlows (Cognito API reference). */
    private static final List<String> DEFAULT_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH",
            "ALLOW_CUSTOM_AUTH");

    private final CognitoLocal emulator;
    private final String poolId;

    AppClientRules(CognitoLocal emulator, String poolId) {
        this.emulator = emulator;
        this.poolId = poolId;
    }

    /** The app client {@code clientId} of the pool, if the emulator has it. */
    Optional<UserPoolClientType> find(String clientId) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            return Optional.of(cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId))
                    .userPoolClient());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The app client {@code clientId}, or Cognito's refusal of a client that does not exist. */
    UserPoolClientType require(String clientId) throws CognitoRefusal {
        return find(clientId).orElseThrow(() -> new CognitoRefusal("ResourceNotFoundException",
                "User pool client " + clientId + " does not exist."));
    }

    /** Refuses, as Cognito does, a sign-in with {@code flow} for {@code username} through {@code clientId}. */
    void check(String clientId, String flow, String username, String secretHash) throws CognitoRefusal {
        check(require(clientId), flow, username, secretHash);
    }

    /** The same, for a client already read. */
    static void check(UserPoolClientType client, String flow, String username, String secretHash)
            throws CognitoRefusal {
        List<String> allowed = client.explicitAuthFlowsAsStrings().isEmpty() ? DEFAULT_FLOWS
                : client.explicitAuthFlowsAsStrings();
        if (!allowed.contains("ALLOW_" + flow) && !allowed.contains(flow)) { // ALLOW_X, or the legacy name X
            throw new CognitoRefusal("InvalidParameterException", flow + " flow not enabled for this client");
        }
        checkSecretHash(client, username, secretHash);
    }

    /** Refuses a call for {@code username} without the right SECRET_HASH, when {@code client} has a secret. */
    static void checkSecretHash(UserPoolClientType client, String username, String secretHash)
            throws CognitoRefusal {
        if (client.clientSecret() == null) {
            return;
        }
        if (secretHash == null) {
            throw new CognitoRefusal("NotAuthorizedException", "Client " + client.clientId()
                    + " is configured with secret but SECRET_HASH was not received");
        }
        String expected = CognitoFixture.secretHash(username, client.clientId(), client.clientSecret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secretHash.getBytes(StandardCharsets.UTF_8))) {
            throw new CognitoRefusal("NotAuthorizedException",
                    "Unable to verify secret hash for client " + client.clientId());
        }
    }
}
