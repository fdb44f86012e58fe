package dev.cognitoee.it.support;

import static dev.cognitoee.it.support.CognitoRefusal.required;

import com.sun.net.httpserver.HttpExchange;
import dev.cognitoee.it.support.CognitoWire.Relayed;
import dev.cognitoee.it.support.SrpStandInMath.ServerHalf;
import dev.cognitoee.it.support.SrpStandInMath.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A <b>stand-in</b> for Cognito's USER_SRP_AUTH, which cognito-local 5.3.0 lacks, in front of the emulator: it
 * speaks Cognito's wire protocol ({@code POST /}, {@code application/x-amz-json-1.1}, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Op>}) and passes every other call on to the emulator unchanged.
 * <ul>
 *   <li>{@code InitiateAuth} with {@code USER_SRP_AUTH}: checks the app client as Cognito does (the flow allowed,
 *   SECRET_HASH over USERNAME when the client has a secret), finds the user (also by an alias) and answers the
 *   PASSWORD_VERIFIER challenge: {@code SRP_B}, {@code SALT}, {@code SECRET_BLOCK}, {@code USER_ID_FOR_SRP},
 *   {@code USERNAME} and a {@code Session};</li>
 *   <li>{@code RespondToAuthChallenge} with {@code PASSWORD_VERIFIER}: checks what Cognito checks (a secret block it
 *   issued, once; its session; USERNAME = USER_ID_FOR_SRP; SECRET_HASH over it; TIMESTAMP in Cognito's format and
 *   within 5 minutes; the signature, against the user's verifier: {@link SrpStandInMath}) and refuses with
 *   Cognito's errors ({@code NotAuthorizedException} "Incorrect username or password." for a wrong proof). A proof
 *   that holds is answered with the emulator's own answer to a USER_PASSWORD_AUTH of that user (the stand-in keeps
 *   the password for that relay only): real tokens of the emulator, or its next challenge.</li>
 *   <li>a relayed {@code NEW_PASSWORD_REQUIRED} answer that the emulator accepts gives the user a new verifier, as
 *   Cognito's password change does.</li>
 * </ul>
 * Users are known to it through {@link #register}. It never logs a request body.
 */
public final class SrpStandIn implements AutoCloseable {

    private static final String SERVICE = CognitoWire.SERVICE;

    /** A user as the stand-in knows them; the password only to relay a verified sign-in to the emulator. */
    private record User(String userIdForSrp, Verifier verifier, String password) {
    }

    /** A PASSWORD_VERIFIER challenge issued and not answered yet. */
    private record Issued(User user, ServerHalf server, BigInteger clientPublic, String clientId, String session) {
    }

    private final CognitoLocal emulator;
    private final AppClientRules clientRules;
    private final String poolId;
    private final String poolName;
    private final StandInServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>(); // by secret block
    private final AtomicInteger proofsAccepted = new AtomicInteger();
    private final AtomicInteger proofsRefused = new AtomicInteger();

    private SrpStandIn(CognitoLocal emulator, String poolId) {
        this.emulator = emulator;
        this.clientRules = new AppClientRules(emulator, poolId);
        this.poolId = poolId;
        this.poolName = poolId.substring(poolId.indexOf('_') + 1);
        this.server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator}, for the pool {@code poolId}. */
    public static SrpStandIn start(CognitoLocal emulator, String poolId) {
        return new SrpStandIn(emulator, poolId);
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Gives the emulator's user {@code userIdForSrp} a verifier of {@code password}, as Cognito keeps one from the
     * password set; {@code aliases} are other names the user may sign in with (an email, say).
     */
    public void register(String userIdForSrp, String password, String... aliases) {
        users.put(userIdForSrp, new User(userIdForSrp, SrpStandInMath.verifier(poolName, userIdForSrp, password,
                random), password));
        for (String alias : aliases) {
            this.aliases.put(alias, userIdForSrp);
        }
    }

    /** How many PASSWORD_VERIFIER answers held. */
    public int proofsAccepted() {
        return proofsAccepted.get();
    }

    /** How many PASSWORD_VERIFIER answers were refused. */
    public int proofsRefused() {
        return proofsRefused.get();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call)
            throws IOException, InterruptedException, CognitoRefusal {
        boolean initiate = "InitiateAuth".equals(call.operation());
        JsonObject request = initiate || "RespondToAuthChallenge".equals(call.operation()) ? call.json() : null;
        if (initiate && "USER_SRP_AUTH".equals(request.getString("AuthFlow", ""))) {
            send(exchange, 200, challenge(request));
        } else if (request != null && "PASSWORD_VERIFIER".equals(request.getString("ChallengeName", ""))) {
            Relayed answer = verify(request);
            send(exchange, answer.status(), answer.body());
        } else {
            Relayed answer = forward(exchange.getRequestMethod(), exchange.getRequestURI(), call.target(),
                    call.body());
            if (request != null && answer.status() == 200
                    && "NEW_PASSWORD_REQUIRED".equals(request.getString("ChallengeName", ""))) {
                passwordChanged(request.getJsonObject("ChallengeResponses"));
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    /** InitiateAuth(USER_SRP_AUTH): the PASSWORD_VERIFIER challenge. */
    private byte[] challenge(JsonObject request) throws CognitoRefusal {
        String clientId = request.getString("ClientId", "");
        JsonObject parameters = Optional.ofNullable(request.getJsonObject("AuthParameters"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter AUTH_PARAMETERS"));
        String username = required(parameters, "USERNAME");
        clientRules.check(clientId, "USER_SRP_AUTH", username, parameters.getString("SECRET_HASH", null));
        BigInteger clientPublic;
        try {
            clientPublic = new BigInteger(required(parameters, "SRP_A"), 16);
        } catch (NumberFormatException e) {
            throw new CognitoRefusal("InvalidParameterException", "SRP_A is not a hexadecimal number");
        }
        if (clientPublic.mod(SrpStandInMath.N).signum() == 0) {
            throw new CognitoRefusal("InvalidParameterException", "Invalid SRP_A");
        }
        User user = users.get(aliases.getOrDefault(username, username));
        if (user == null) {
            throw new CognitoRefusal("UserNotFoundException", "User does not exist.");
        }
        ServerHalf half = SrpStandInMath.serverHalf(user.verifier(), random);
        String secretBlock = randomBase64(96);
        String session = randomBase64(48);
        issued.put(secretBlock, new Issued(user, half, clientPublic, clientId, session));
        return Json.createObjectBuilder()
                .add("ChallengeName", "PASSWORD_VERIFIER")
                .add("ChallengeParameters", Json.createObjectBuilder()
                        .add("SALT", user.verifier().salt().toString(16))
                        .add("SECRET_BLOCK", secretBlock)
                        .add("SRP_B", half.publicValue().toString(16))
                        .add("USERNAME", user.userIdForSrp())
                        .add("USER_ID_FOR_SRP", user.userIdForSrp()))
                .add("Session", session)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RespondToAuthChallenge(PASSWORD_VERIFIER): the proof checked, then the emulator's answer for that user. */
    private Relayed verify(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        User user;
        try {
            user = checkedProof(request);
        } catch (CognitoRefusal e) {
            proofsRefused.incrementAndGet();
            throw e;
        }
        proofsAccepted.incrementAndGet();
        return passwordSignInAtTheEmulator(user, request.getString("ClientId"),
                request.getJsonObject("ClientMetadata"));
    }

    /** The user whose PASSWORD_VERIFIER answer {@code request} is, if it holds. */
    private User checkedProof(JsonObject request) throws CognitoRefusal {
        JsonObject responses = Optional.ofNullable(request.getJsonObject("ChallengeResponses"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter ChallengeResponses"));
        String username = required(responses, "USERNAME");
        String secretBlock = required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = required(responses, "TIMESTAMP");
        Issued challenge = issued.remove(secretBlock); // a secret block answers once, right or wrong
        String clientId = request.getString("ClientId", "");
        if (challenge == null || !challenge.clientId().equals(clientId)) {
            throw new CognitoRefusal("NotAuthorizedException", SrpProof.WRONG_PROOF);
        }
        if (!challenge.session().equals(request.getString("Session", ""))) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid session for the user.");
        }
        clientRules.check(clientId, "USER_SRP_AUTH", username, responses.getString("SECRET_HASH", null));
        if (!challenge.user().userIdForSrp().equals(username)) {
            throw new CognitoRefusal("NotAuthorizedException", SrpProof.WRONG_PROOF);
        }
        SrpProof.checkTimestamp(timestamp);
        byte[] expected = SrpStandInMath.expectedSignature(poolName, username, challenge.user().verifier(),
                challenge.server(), challenge.clientPublic(), Base64.getDecoder().decode(secretBlock), timestamp);
        SrpProof.checkSignature(expected, signature);
        return challenge.user();
    }

    /** The emulator's answer to a USER_PASSWORD_AUTH of {@code user}: its tokens, or its next challenge. */
    private Relayed passwordSignInAtTheEmulator(User user, String clientId, JsonObject clientMetadata)
            throws IOException, InterruptedException {
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("USERNAME", user.userIdForSrp())
                .add("PASSWORD", user.password());
        String secret = clientRules.find(clientId).map(UserPoolClientType::clientSecret).orElse(null);
        if (secret != null) {
            parameters.add("SECRET_HASH", CognitoFixture.secretHash(user.userIdForSrp(), clientId, secret));
        }
        JsonObjectBuilder initiate = Json.createObjectBuilder().add("AuthFlow", "USER_PASSWORD_AUTH")
                .add("ClientId", clientId).add("AuthParameters", parameters);
        if (clientMetadata != null) {
            initiate.add("ClientMetadata", clientMetadata);
        }
        return forward("POST", URI.create("/"), SERVICE + "InitiateAuth",
                initiate.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A new password accepted by the emulator: the user's verifier follows it. */
    private void passwordChanged(JsonObject responses) {
        if (responses == null) {
            return;
        }
        String username = responses.getString("USERNAME", "");
        String newPassword = responses.getString("NEW_PASSWORD", null);
        User user = users.get(aliases.getOrDefault(username, username));
        if (user != null && newPassword != null) {
            users.put(user.userIdForSrp(), new User(user.userIdForSrp(), SrpStandInMath.verifier(poolName,
                    user.userIdForSrp(), newPassword, random), newPassword));
        }
    }

    private Relayed forward(String method, URI path, String target, byte[] body)
            throws IOException, InterruptedException {
        return CognitoWire.relay(emulator.endpoint(), method, path, target, body);
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        CognitoWire.send(exchange, status, body);
    }
}
