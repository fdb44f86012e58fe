package dev.cognitoee.it.support;

import static dev.cognitoee.it.support.CognitoRefusal.required;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.cognitoee.it.support.PasskeyLedger.Passkey;
import dev.cognitoee.it.support.CognitoWire.Relayed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The sign-in half of {@link PasskeyStandIn}: Cognito's choice-based sign-in ({@code USER_AUTH}) with a passkey.
 * <ul>
 *   <li>{@code InitiateAuth} {@code USER_AUTH} with {@code PREFERRED_CHALLENGE=WEB_AUTHN}: checks the app client
 *   (it must allow {@code ALLOW_USER_AUTH}; SECRET_HASH over USERNAME when it has a secret) and answers the
 *   {@code WEB_AUTHN} challenge: {@code CREDENTIAL_REQUEST_OPTIONS} (a fresh challenge, the rpId, the user's passkeys
 *   as {@code allowCredentials}, user verification required), {@code USERNAME}, a {@code Session} (3 minutes, one
 *   answer). A user without passkeys, or unknown, gets {@code NotAuthorizedException}. Other USER_AUTH requests
 *   (no or another preferred challenge) are relayed to the emulator, which refuses the flow.</li>
 *   <li>{@code RespondToAuthChallenge} {@code WEB_AUTHN} with {@code CREDENTIAL}: checks the session, the client,
 *   USERNAME, SECRET_HASH, then verifies the assertion with webauthn4j: a passkey of that user among those offered,
 *   the signature with its registered public key, the challenge, the origin, the rpId hash, the user-present and
 *   user-verified flags, and a sign count above the last one (a cloned authenticator). A failure is
 *   {@code NotAuthorizedException} "Incorrect username or password."; an answer that holds gets the emulator's own
 *   answer to a USER_PASSWORD_AUTH of the user (real tokens), with the password it was told
 *   ({@link PasskeyStandIn#knowPassword}).</li>
 * </ul>
 */
final class PasskeySignInStandIn {

    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);
    private static final String REFUSED = "Incorrect username or password.";

    private record Issued(String username, String clientId, byte[] challenge, List<Passkey> offered,
                          Instant expiresAt) {
    }

    private final PasskeyStandIn standIn;
    private final CognitoLocal emulator;
    private final AppClientRules clientRules;
    private final String poolId;
    private final PasskeyLedger ledger;
    private final WebAuthnManager webAuthn;
    private final Map<String, Issued> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    PasskeySignInStandIn(PasskeyStandIn standIn, CognitoLocal emulator, String poolId, PasskeyLedger ledger,
                         WebAuthnManager webAuthn) {
        this.standIn = standIn;
        this.emulator = emulator;
        this.clientRules = new AppClientRules(emulator, poolId);
        this.poolId = poolId;
        this.ledger = ledger;
        this.webAuthn = webAuthn;
    }

    void knowPassword(String username, String password) {
        passwords.put(username, password);
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    /** The answer to {@code request} when it is part of a passkey sign-in, else null (to be relayed). */
    byte[] answer(String operation, JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        if ("InitiateAuth".equals(operation) && "USER_AUTH".equals(request.getString("AuthFlow", ""))) {
            JsonObject parameters = request.getJsonObject("AuthParameters");
            if (parameters != null && "WEB_AUTHN".equals(parameters.getString("PREFERRED_CHALLENGE", ""))) {
                return challenge(request.getString("ClientId", ""), parameters);
            }
        }
        if ("RespondToAuthChallenge".equals(operation) && "WEB_AUTHN".equals(request.getString("ChallengeName", ""))) {
            try {
                Relayed tokens = verify(request);
                if (tokens.status() != 200) {
                    throw new CognitoRefusal("InternalErrorException", "The emulator refused the sign-in");
                }
                accepted.incrementAndGet();
                return tokens.body();
            } catch (CognitoRefusal e) {
                refused.incrementAndGet();
                throw e;
            }
        }
        return null;
    }

    private byte[] challenge(String clientId, JsonObject parameters) throws CognitoRefusal {
        String username = required(parameters, "USERNAME");
        clientRules.check(clientId, "USER_AUTH", username, parameters.getString("SECRET_HASH", null));
        List<Passkey> passkeys = ledger.ofUsername(username);
        if (passkeys.isEmpty()) {
            throw new CognitoRefusal("NotAuthorizedException", REFUSED);
        }
        byte[] challenge = standIn.randomBytes(32);
        String session = Base64.getEncoder().encodeToString(standIn.randomBytes(48));
        sessions.put(session, new Issued(username, clientId, challenge, passkeys,
                Instant.now().plus(SESSION_LIFETIME)));
        JsonArrayBuilder allow = Json.createArrayBuilder();
        passkeys.forEach(p -> allow.add(Json.createObjectBuilder().add("type", "public-key")
                .add("id", p.credentialId()).add("transports", Json.createArrayBuilder(p.transports()))));
        String options = Json.createObjectBuilder()
                .add("challenge", PasskeyStandIn.base64Url(challenge))
                .add("timeout", SESSION_LIFETIME.toMillis())
                .add("rpId", standIn.relyingPartyId())
                .add("allowCredentials", allow)
                .add("userVerification", "required")
                .build().toString();
        return Json.createObjectBuilder()
                .add("ChallengeName", "WEB_AUTHN")
                .add("ChallengeParameters", Json.createObjectBuilder()
                        .add("CREDENTIAL_REQUEST_OPTIONS", options).add("USERNAME", username))
                .add("Session", session)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private Relayed verify(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        JsonObject responses = Optional.ofNullable(request.getJsonObject("ChallengeResponses"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter ChallengeResponses"));
        String username = required(responses, "USERNAME");
        String credential = required(responses, "CREDENTIAL");
        Issued issued = sessions.remove(request.getString("Session", "")); // one answer per session
        String clientId = request.getString("ClientId", "");
        if (issued == null || issued.expiresAt().isBefore(Instant.now()) || !issued.clientId().equals(clientId)) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid session for the user.");
        }
        clientRules.check(clientId, "USER_AUTH", username, responses.getString("SECRET_HASH", null));
        if (!issued.username().equals(username)) {
            throw new CognitoRefusal("NotAuthorizedException", REFUSED);
        }
        try {
            AuthenticationData assertion = webAuthn.parseAuthenticationResponseJSON(credential);
            String id = PasskeyStandIn.base64Url(assertion.getCredentialId());
            Passkey passkey = issued.offered().stream().filter(p -> p.credentialId().equals(id)).findFirst()
                    .flatMap(p -> ledger.find(p.credentialId())) // deleted meanwhile: refused
                    .orElseThrow(() -> new CognitoRefusal("NotAuthorizedException", REFUSED));
            synchronized (passkey.record()) { // the sign count moves one assertion at a time
                webAuthn.verify(assertion, new AuthenticationParameters(
                        new ServerProperty(new Origin(standIn.origin()), standIn.relyingPartyId(),
                                new DefaultChallenge(issued.challenge())),
                        passkey.record(), List.of(assertion.getCredentialId()), true, true));
                passkey.record().setCounter(assertion.getAuthenticatorData().getSignCount());
            }
        } catch (RuntimeException e) { // VerificationException, or data that does not decode (of any kind)
            throw new CognitoRefusal("NotAuthorizedException", REFUSED);
        }
        return passwordSignInAtTheEmulator(username, clientId);
    }

    /** The emulator's answer to a USER_PASSWORD_AUTH of {@code username}: its tokens. */
    private Relayed passwordSignInAtTheEmulator(String username, String clientId)
            throws CognitoRefusal, IOException, InterruptedException {
        String password = passwords.get(username);
        if (password == null) {
            throw new CognitoRefusal("InternalErrorException", "The stand-in was not told " + username
                    + "'s password (PasskeyStandIn.knowPassword)");
        }
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("USERNAME", username).add("PASSWORD", password);
        String secret = clientRules.find(clientId).map(UserPoolClientType::clientSecret).orElse(null);
        if (secret != null) {
            parameters.add("SECRET_HASH", CognitoFixture.secretHash(username, clientId, secret));
        }
        byte[] body = Json.createObjectBuilder().add("AuthFlow", "USER_PASSWORD_AUTH").add("ClientId", clientId)
                .add("AuthParameters", parameters).build().toString().getBytes(StandardCharsets.UTF_8);
        return standIn.relay(CognitoWire.SERVICE + "InitiateAuth", body);
    }
}
