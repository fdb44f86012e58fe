package dev.cognitoee.it.demo;

import dev.cognitoee.it.support.CognitoLocal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The demo's user pool, seeded in the emulator: groups {@code admin} and {@code user}, one app client, and one user
 * per thing to show: {@link #DEMO} (admin), {@link #READER} (not admin), {@link #NEWBIE} (must choose a new password)
 * and {@link #TOTP_USER} (signs in with an authenticator app code).
 *
 * @param poolId     the pool
 * @param clientId   its app client (USER_PASSWORD_AUTH, refresh, and the hosted UI's code flow)
 * @param totpSecret the base32 secret of {@link #TOTP_USER}'s authenticator
 */
public record DemoPool(String poolId, String clientId, String totpSecret) {

    public static final String DEMO = "demo";
    public static final String READER = "reader";
    public static final String NEWBIE = "newbie";
    public static final String TOTP_USER = "totp";
    public static final String PASSWORD = "Demo-Passw0rd";
    public static final String TEMPORARY_PASSWORD = "Temp0rary-Passw0rd";

    /** The demo's hosted-UI callback, registered on the app client, relative to the demo's base URL. */
    public static final String CALLBACK = "oauth2/callback";
    /** Where Cognito's {@code /logout} sends the browser back to, relative to the demo's base URL. */
    public static final String SIGNED_OUT = "login?notice=signed-out";

    /**
     * Creates the pool and its users in {@code emulator}; the app client accepts the hosted UI's code flow with the
     * demo (at {@code demoUrl}, ending with a slash) as its callback and sign-out URL.
     */
    public static DemoPool seed(CognitoLocal emulator, URI demoUrl) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            String poolId = cognito.createUserPool(b -> b.poolName("cognito-ee-demo")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .mfaConfiguration(UserPoolMfaType.OPTIONAL)).userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("demo-web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
                    .supportedIdentityProviders("COGNITO")
                    .callbackURLs(demoUrl.resolve(CALLBACK).toString())
                    .logoutURLs(demoUrl.resolve(SIGNED_OUT).toString())).userPoolClient().clientId();
            for (String group : List.of("admin", "user")) {
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
            }
            createUser(cognito, poolId, DEMO, PASSWORD, true, "admin", "user");
            createUser(cognito, poolId, READER, PASSWORD, true, "user");
            createUser(cognito, poolId, NEWBIE, TEMPORARY_PASSWORD, false, "user");
            createUser(cognito, poolId, TOTP_USER, PASSWORD, true, "user");
            return new DemoPool(poolId, clientId, enableTotp(cognito, clientId));
        }
    }

    /** Signs {@code username} in with {@link #PASSWORD} (no MFA) and returns the access token. */
    public static String accessToken(CognitoIdentityProviderClient cognito, String clientId, String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken();
    }

    /** Registers an authenticator for {@link #TOTP_USER} and makes it required at sign-in; returns its secret. */
    private static String enableTotp(CognitoIdentityProviderClient cognito, String clientId) {
        String accessToken = accessToken(cognito, clientId, TOTP_USER);
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(accessToken).friendlyDeviceName("demo authenticator")
                .userCode(Totp.code(secret, Instant.now())));
        cognito.setUserMFAPreference(b -> b.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        return secret;
    }

    /** A confirmed user; with {@code permanent} false, {@code password} is temporary (NEW_PASSWORD_REQUIRED). */
    private static void createUser(CognitoIdentityProviderClient cognito, String poolId, String username,
                                   String password, boolean permanent, String... groups) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword(permanent ? null : password)
                .userAttributes(a -> a.name("email").value(username + "@example.com"),
                        a -> a.name("email_verified").value("true")));
        if (permanent) {
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(password)
                    .permanent(true));
        }
        for (String group : groups) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(username).groupName(group));
        }
    }
}
