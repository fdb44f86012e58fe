package dev.cognitoee.it.support;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Seeds the emulator, once per test JVM: a user pool (verifying emails with codes) with groups {@code admin} and {@code user} and users
 * {@code alice} (both groups) and {@code bob} ({@code user}); its app client, a second app client with a secret,
 * and a second pool with a client of its own (whose tokens the first pool must refuse), groups {@code Admins} and
 * {@code admin}, and users {@code alice} (no group), {@code carol} ({@code Admins}) and {@code dave} ({@code admin}).
 */
public final class CognitoFixture {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    /** A user of the second pool, in its group {@code Admins}. */
    public static final String CAROL = "carol";
    /** A user of the second pool, in its group {@code admin} (which is not the first pool's group). */
    public static final String DAVE = "dave";
    public static final String PASSWORD = "Corr3ct-Horse-Battery";
    public static final String TEMPORARY_PASSWORD = "Temp0rary-Passw0rd";

    private static CognitoFixture seeded;

    private final CognitoLocal emulator;
    public final String poolId;
    public final String clientId;
    public final String secretClientId;
    public final String secretClientSecret;
    public final String otherPoolId;
    public final String otherPoolClientId;

    private CognitoFixture(CognitoLocal emulator) {
        this.emulator = emulator;
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            poolId = cognito.createUserPool(b -> b.poolName("cognito-ee-tests")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
            clientId = createClient(cognito, poolId, "web", false).clientId();
            UserPoolClientType secretClient = createClient(cognito, poolId, "backend", true);
            secretClientId = secretClient.clientId();
            secretClientSecret = secretClient.clientSecret();
            for (String group : List.of("admin", "user")) {
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
            }
            createUser(cognito, poolId, ALICE, "admin", "user");
            createUser(cognito, poolId, BOB, "user");

            otherPoolId = cognito.createUserPool(b -> b.poolName("another-pool")).userPool().id();
            otherPoolClientId = createClient(cognito, otherPoolId, "web", false).clientId();
            createUser(cognito, otherPoolId, ALICE);
            for (String group : List.of("Admins", "admin")) {
                cognito.createGroup(b -> b.userPoolId(otherPoolId).groupName(group));
            }
            createUser(cognito, otherPoolId, CAROL, "Admins");
            createUser(cognito, otherPoolId, DAVE, "admin");
        }
    }

    /** Seeds {@code emulator} (one of a test's own, such as an emulator it will kill) as the shared one is. */
    public static CognitoFixture seed(CognitoLocal emulator) {
        return new CognitoFixture(emulator);
    }

    /** A client of the main pool whose access and id tokens live {@code seconds}, for expiry tests. */
    public String clientWithTokensLiving(int seconds) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            return cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("lives-" + seconds)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .accessTokenValidity(seconds).idTokenValidity(seconds)
                    .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.SECONDS).idToken(TimeUnitsType.SECONDS)))
                    .userPoolClient().clientId();
        }
    }

    /** The seeded emulator of this test JVM. */
    public static synchronized CognitoFixture shared() {
        if (seeded == null) {
            seeded = new CognitoFixture(CognitoLocal.shared());
        }
        return seeded;
    }

    public CognitoLocal emulator() {
        return emulator;
    }

    /** Adds a confirmed user with {@link #PASSWORD} to the main pool. */
    public void createUser(String username, String... groups) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            createUser(cognito, poolId, username, groups);
        }
    }

    public void addToGroup(String username, String group) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(username).groupName(group));
        }
    }

    /** Adds a user who must choose a new password at first sign-in (NEW_PASSWORD_REQUIRED). */
    public void createUserWithTemporaryPassword(String username) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                    .temporaryPassword(TEMPORARY_PASSWORD).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(a -> a.name("email").value(username + "@example.com")));
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(username).groupName("user"));
        }
    }

    /** Signs {@code username} in with USER_PASSWORD_AUTH on the pool's main client. */
    public AuthenticationResultType signIn(String username) {
        return signIn(poolId, clientId, null, username);
    }

    /** Signs in on any client; SECRET_HASH is sent when the client has a secret. */
    public AuthenticationResultType signIn(String pool, String client, String secret, String username) {
        Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", username, "PASSWORD", PASSWORD));
        if (secret != null) {
            parameters.put("SECRET_HASH", secretHash(username, client, secret));
        }
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            return cognito.initiateAuth(b -> b.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(parameters)).authenticationResult();
        }
    }

    private static UserPoolClientType createClient(CognitoIdentityProviderClient cognito, String pool, String name,
                                                   boolean secret) {
        return cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName(name).generateSecret(secret)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
    }

    private static void createUser(CognitoIdentityProviderClient cognito, String pool, String username,
                                   String... groups) {
        cognito.adminCreateUser(b -> b.userPoolId(pool).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(a -> a.name("email").value(username + "@example.com")));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
        for (String group : groups) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(username).groupName(group));
        }
    }

    /** Cognito's SECRET_HASH: Base64(HMAC-SHA256(clientSecret, username + clientId)). */
    static String secretHash(String username, String client, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((username + client).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
