package dev.cognitoee.it.support;

import dev.cognitoee.it.support.AccountLifecycleStandIn.ResentCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * ResendConfirmationCode as Cognito plays it, for {@link AccountLifecycleStandIn}: the checks of the app client and the
 * user, a new code that replaces the one sent before, and the ConfirmSignUp that takes it (see the stand-in's
 * documentation).
 */
final class ResentSignUpCodes {

    private final CognitoLocal emulator;
    private final String poolId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ResentCode> codes = new ConcurrentHashMap<>();

    ResentSignUpCodes(CognitoLocal emulator, String poolId) {
        this.emulator = emulator;
        this.poolId = poolId;
    }

    /** Whether {@code username} has a resent code not used yet (then ConfirmSignUp is checked here). */
    boolean pendingFor(String username) {
        return codes.containsKey(username);
    }

    Optional<ResentCode> pending(String username) {
        return Optional.ofNullable(codes.get(username));
    }

    /** ResendConfirmationCode: a new code for an unconfirmed user, and where it went. */
    JsonObject resend(JsonObject request) throws CognitoRefusal {
        String clientId = request.getString("ClientId", "");
        String username = request.getString("Username", "");
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            checkClient(clientId, username, request.getString("SecretHash", null));
            AdminGetUserResponse user;
            try {
                user = cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
            } catch (CognitoIdentityProviderException e) {
                throw new CognitoRefusal("UserNotFoundException", "Username/client id combination not found.");
            }
            if (user.userStatus() != UserStatusType.UNCONFIRMED) {
                throw new CognitoRefusal("InvalidParameterException", "User is already confirmed.");
            }
            String email = user.userAttributes().stream().filter(a -> a.name().equals("email")).findFirst()
                    .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                            "Cannot deliver the code: the user has no email address")).value();
            String code = String.format("%06d", random.nextInt(1_000_000));
            codes.put(user.username(), new ResentCode(user.username(), code, clientMetadata(request)));
            return Json.createObjectBuilder().add("CodeDeliveryDetails", Json.createObjectBuilder()
                    .add("AttributeName", "email").add("DeliveryMedium", "EMAIL").add("Destination", masked(email)))
                    .build();
        }
    }

    /** Cognito's check of the app client and, when it has a secret, of SECRET_HASH. */
    private void checkClient(String clientId, String username, String secretHash) throws CognitoRefusal {
        AppClientRules.checkSecretHash(new AppClientRules(emulator, poolId).require(clientId), username, secretHash);
    }

    /** ConfirmSignUp of a user with a resent code: that code alone confirms (in the emulator). */
    JsonObject confirm(JsonObject request) throws CognitoRefusal {
        String username = request.getString("Username");
        ResentCode sent = codes.get(username);
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            checkClient(request.getString("ClientId", ""), username, request.getString("SecretHash", null));
            byte[] given = request.getString("ConfirmationCode", "").getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, sent.code().getBytes(StandardCharsets.UTF_8))) {
                throw new CognitoRefusal("CodeMismatchException", "Invalid verification code provided, please try again.");
            }
            cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username(username)
                    .clientMetadata(clientMetadata(request)));
            codes.remove(username);
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    private static Map<String, String> clientMetadata(JsonObject request) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonObject given = request.getJsonObject("ClientMetadata");
        if (given != null) {
            given.forEach((k, v) -> metadata.put(k, ((JsonString) v).getString()));
        }
        return metadata;
    }

    /** Cognito's way of showing where a code went: the first letters only, e.g. {@code f***@e***}. */
    private static String masked(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***@" + (at + 1 < email.length() ? email.charAt(at + 1) + "***" : "***");
    }
}
