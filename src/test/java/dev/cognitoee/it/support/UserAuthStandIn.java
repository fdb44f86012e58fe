package dev.cognitoee.it.support;

import static dev.cognitoee.it.support.CognitoRefusal.required;

import com.sun.net.httpserver.HttpExchange;
import dev.cognitoee.it.support.CognitoWire.Relayed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A <b>stand-in</b> for Cognito's custom auth ({@code CUSTOM_AUTH}), choice-based sign-in ({@code USER_AUTH}) and
 * the sign-up sessions of auto sign-in, which cognito-local 5.3.0 lacks, in front of the emulator. It speaks Cognito's
 * wire protocol ({@code POST /}, {@code application/x-amz-json-1.1}, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Op>}) and passes every other call on to the emulator unchanged.
 * <ul>
 *   <li>{@code CUSTOM_AUTH}: invokes the pool's Define, Create and Verify auth challenge triggers over Lambda's
 *   Invoke API ({@link LambdaRecorder}) with Cognito's event shapes, and follows their decisions: the next
 *   {@code CUSTOM_CHALLENGE} with the Create trigger's public parameters, tokens ({@code issueTokens}) or
 *   {@code NotAuthorizedException} ({@code failAuthentication}). As Cognito does, InitiateAuth's ClientMetadata does
 *   not reach these triggers; RespondToAuthChallenge's reaches all three.</li>
 *   <li>{@code USER_AUTH}: offers {@code PASSWORD} and, to users with an email, {@code EMAIL_OTP}
 *   ({@code SELECT_CHALLENGE} with {@code AvailableChallenges}, or the preferred challenge when offered); a password
 *   is checked by the emulator (a USER_PASSWORD_AUTH of the user); an email code is "sent" (readable through
 *   {@link #codesSentTo}), a wrong one is {@code CodeMismatchException}, the third wrong one ends the session
 *   ({@code NotAuthorizedException}); a {@code SESSION} from ConfirmSignUp signs in once.</li>
 *   <li>{@code SignUp} and {@code ConfirmSignUp} are relayed, and answered with Cognito's {@code Session}: SignUp's
 *   goes to ConfirmSignUp, whose own goes to InitiateAuth USER_AUTH (auto sign-in).</li>
 * </ul>
 * Every session is single-use (a wrong email code excepted, as Cognito lets the user retry), bound to its app client
 * and user, and expires after 3 minutes (Cognito's default). Each step checks the app client as Cognito does (the
 * flow allowed, SECRET_HASH). Tokens are the emulator's own, from a USER_PASSWORD_AUTH of the user: the stand-in
 * keeps passwords ({@link #register}, or seen at SignUp) for that relay only. It never logs a request body.
 */
public final class UserAuthStandIn implements AutoCloseable {

    private static final String SERVICE = CognitoWire.SERVICE;
    private static final String WRONG_CREDENTIALS = "Incorrect username or password.";
    private static final String INVALID_SESSION = "Invalid session for the user.";
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);
    private static final int CODE_ATTEMPTS = 3;

    /** What a session string stands for; each kind is accepted by one call only. */
    private enum Kind { CUSTOM, SELECT, EMAIL_OTP, SIGN_UP, CONFIRMED_SIGN_UP }

    /** An issued session: its user, app client, expiry and what the next answer needs. */
    private static final class Issued {
        final Kind kind;
        final String username;
        final String clientId;
        volatile Instant expires;
        final List<JsonObject> customSession; // CUSTOM: the challenges so far, as Define sees them
        final JsonObject privateParameters;   // CUSTOM: the Create trigger's private parameters
        final String challengeMetadata;       // CUSTOM
        final List<String> available;         // SELECT
        final String code;                    // EMAIL_OTP
        int failures;                         // EMAIL_OTP

        Issued(Kind kind, String username, String clientId, List<JsonObject> customSession,
               JsonObject privateParameters, String challengeMetadata, List<String> available, String code) {
            this.kind = kind;
            this.username = username;
            this.clientId = clientId;
            this.expires = Instant.now().plus(SESSION_LIFETIME);
            this.customSession = customSession;
            this.privateParameters = privateParameters;
            this.challengeMetadata = challengeMetadata;
            this.available = available;
            this.code = code;
        }
    }

    private final CognitoLocal emulator;
    private final AppClientRules clientRules;
    private final String poolId;
    private final String lambdaEndpoint;
    private final StandInServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Issued> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<String>> codes = new ConcurrentHashMap<>();

    private UserAuthStandIn(CognitoLocal emulator, String poolId, String lambdaEndpoint) {
        this.emulator = emulator;
        this.clientRules = new AppClientRules(emulator, poolId);
        this.poolId = poolId;
        this.lambdaEndpoint = lambdaEndpoint;
        server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator} for {@code poolId}; its auth triggers go to {@code lambda}. */
    public static UserAuthStandIn start(CognitoLocal emulator, String poolId, LambdaRecorder lambda) {
        return new UserAuthStandIn(emulator, poolId, lambda.endpoint());
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Tells the stand-in the password of the emulator's user {@code username}, to relay its sign-ins. */
    public void register(String username, String password) {
        passwords.put(username, password);
    }

    /** The email codes "sent" to {@code username}, oldest first. */
    public List<String> codesSentTo(String username) {
        return List.copyOf(codes.getOrDefault(username, List.of()));
    }

    /** Lets every session issued so far expire, as 3 minutes would. */
    public void expireSessions() {
        sessions.values().forEach(issued -> issued.expires = Instant.now().minusSeconds(1));
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call)
            throws IOException, InterruptedException, CognitoRefusal {
        byte[] body = call.body();
        Relayed answer = switch (call.operation()) {
            case "InitiateAuth" -> initiateAuth(call.json(), body);
            case "RespondToAuthChallenge" -> respondToAuthChallenge(call.json(), body);
            case "SignUp" -> signUp(call.json(), body);
            case "ConfirmSignUp" -> confirmSignUp(call.json(), body);
            default -> forward(call.target(), body);
        };
        CognitoWire.send(exchange, answer.status(), answer.body());
    }

    private Relayed initiateAuth(JsonObject request, byte[] body)
            throws CognitoRefusal, IOException, InterruptedException {
        String flow = request.getString("AuthFlow", "");
        if (!flow.equals("CUSTOM_AUTH") && !flow.equals("USER_AUTH")) {
            return forward(SERVICE + "InitiateAuth", body);
        }
        String clientId = request.getString("ClientId", "");
        JsonObject parameters = Optional.ofNullable(request.getJsonObject("AuthParameters"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter AUTH_PARAMETERS"));
        String typed = required(parameters, "USERNAME");
        clientRules.check(clientId, flow, typed, parameters.getString("SECRET_HASH", null));
        if (flow.equals("USER_AUTH") && parameters.containsKey("SESSION")) {
            Issued confirmed = take(parameters.getString("SESSION"), Kind.CONFIRMED_SIGN_UP, clientId);
            if (!confirmed.username.equals(typed)) {
                throw new CognitoRefusal("NotAuthorizedException", INVALID_SESSION);
            }
            return tokens(confirmed.username, clientId, null);
        }
        Map<String, String> attributes = user(typed);
        String username = attributes.get("cognito:username");
        if (flow.equals("CUSTOM_AUTH")) {
            // Cognito hands InitiateAuth's ClientMetadata to PreSignUp, PreAuthentication and UserMigration only
            return customStep(username, clientId, attributes, new ArrayList<>(), JsonValue.EMPTY_JSON_OBJECT);
        }
        List<String> available = new ArrayList<>(List.of("PASSWORD"));
        if (attributes.containsKey("email")) {
            available.add("EMAIL_OTP");
        }
        String preferred = parameters.getString("PREFERRED_CHALLENGE", "");
        if (preferred.equals("PASSWORD") && parameters.containsKey("PASSWORD")) {
            return passwordChecked(username, clientId, parameters.getString("PASSWORD"));
        }
        if (preferred.equals("EMAIL_OTP") && available.contains("EMAIL_OTP")) {
            return emailCode(username, clientId, attributes.get("email"));
        }
        String session = issue(new Issued(Kind.SELECT, username, clientId, null, null, null, available, null));
        JsonArrayBuilder choices = Json.createArrayBuilder();
        available.forEach(choices::add);
        return ok(Json.createObjectBuilder().add("ChallengeName", "SELECT_CHALLENGE")
                .add("ChallengeParameters", Json.createObjectBuilder()).add("AvailableChallenges", choices)
                .add("Session", session).build());
    }

    private Relayed respondToAuthChallenge(JsonObject request, byte[] body)
            throws CognitoRefusal, IOException, InterruptedException {
        String challenge = request.getString("ChallengeName", "");
        if (!List.of("CUSTOM_CHALLENGE", "SELECT_CHALLENGE", "EMAIL_OTP").contains(challenge)) {
            return forward(SERVICE + "RespondToAuthChallenge", body); // another flow's challenge: the emulator's
        }
        String clientId = request.getString("ClientId", "");
        JsonObject responses = Optional.ofNullable(request.getJsonObject("ChallengeResponses"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter ChallengeResponses"));
        String username = required(responses, "USERNAME");
        clientRules.check(clientId, challenge.equals("CUSTOM_CHALLENGE") ? "CUSTOM_AUTH" : "USER_AUTH", username,
                responses.getString("SECRET_HASH", null));
        JsonObject metadata = Optional.ofNullable(request.getJsonObject("ClientMetadata"))
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        String session = request.getString("Session", "");
        return switch (challenge) {
            case "CUSTOM_CHALLENGE" -> customAnswer(take(session, Kind.CUSTOM, clientId), username,
                    required(responses, "ANSWER"), metadata);
            case "SELECT_CHALLENGE" -> selected(take(session, Kind.SELECT, clientId), username, responses);
            default -> emailCodeAnswer(session, clientId, username, required(responses, "EMAIL_OTP_CODE"));
        };
    }

    /** A custom challenge answered: Verify, then Define decides, all three triggers with the request's metadata. */
    private Relayed customAnswer(Issued issued, String username, String answer, JsonObject metadata)
            throws CognitoRefusal, IOException, InterruptedException {
        sameUser(issued, username);
        Map<String, String> attributes = user(issued.username);
        JsonObject verified = trigger("verifyAuthChallengeResponse", "VerifyAuthChallengeResponse_Authentication",
                issued, attributes, Json.createObjectBuilder()
                        .add("privateChallengeParameters", issued.privateParameters)
                        .add("challengeAnswer", answer)
                        .add("clientMetadata", metadata), Json.createObjectBuilder().add("answerCorrect",
                        JsonValue.NULL));
        List<JsonObject> history = new ArrayList<>(issued.customSession);
        history.add(Json.createObjectBuilder().add("challengeName", "CUSTOM_CHALLENGE")
                .add("challengeResult", verified.getBoolean("answerCorrect", false))
                .add("challengeMetadata", issued.challengeMetadata).build());
        return customStep(issued.username, issued.clientId, attributes, history, metadata);
    }

    /** Define decides what follows {@code history}: fail, tokens, or a challenge that Create makes. */
    private Relayed customStep(String username, String clientId, Map<String, String> attributes,
                               List<JsonObject> history, JsonObject metadata)
            throws CognitoRefusal, IOException, InterruptedException {
        Issued context = new Issued(Kind.CUSTOM, username, clientId, history, null, null, null, null);
        JsonArrayBuilder session = Json.createArrayBuilder();
        history.forEach(session::add);
        JsonObject decision = trigger("defineAuthChallenge", "DefineAuthChallenge_Authentication", context,
                attributes, Json.createObjectBuilder().add("session", session).add("clientMetadata", metadata),
                Json.createObjectBuilder().add("challengeName", JsonValue.NULL).add("issueTokens", JsonValue.NULL)
                        .add("failAuthentication", JsonValue.NULL));
        if (decision.getBoolean("failAuthentication", false)) {
            throw new CognitoRefusal("NotAuthorizedException", WRONG_CREDENTIALS);
        }
        if (decision.getBoolean("issueTokens", false)) {
            return tokens(username, clientId, null);
        }
        if (!"CUSTOM_CHALLENGE".equals(decision.getString("challengeName", ""))) {
            throw new CognitoRefusal("InvalidLambdaResponseException", "Invalid challenge name returned.");
        }
        JsonArrayBuilder again = Json.createArrayBuilder();
        history.forEach(again::add);
        JsonObject created = trigger("createAuthChallenge", "CreateAuthChallenge_Authentication", context,
                attributes, Json.createObjectBuilder().add("challengeName", "CUSTOM_CHALLENGE").add("session", again)
                        .add("clientMetadata", metadata),
                Json.createObjectBuilder().add("publicChallengeParameters", JsonValue.NULL)
                        .add("privateChallengeParameters", JsonValue.NULL).add("challengeMetadata", JsonValue.NULL));
        JsonObject publicParameters = Optional.ofNullable(created.getJsonObject("publicChallengeParameters"))
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        String next = issue(new Issued(Kind.CUSTOM, username, clientId, history,
                Optional.ofNullable(created.getJsonObject("privateChallengeParameters"))
                        .orElse(JsonValue.EMPTY_JSON_OBJECT), created.getString("challengeMetadata", ""), null, null));
        return ok(Json.createObjectBuilder().add("ChallengeName", "CUSTOM_CHALLENGE").add("Session", next)
                .add("ChallengeParameters", Json.createObjectBuilder(publicParameters).add("USERNAME", username))
                .build());
    }

    /** SELECT_CHALLENGE answered: the password with it, or an email code sent. */
    private Relayed selected(Issued issued, String username, JsonObject responses)
            throws CognitoRefusal, IOException, InterruptedException {
        sameUser(issued, username);
        String answer = required(responses, "ANSWER");
        if (!issued.available.contains(answer)) {
            throw new CognitoRefusal("InvalidParameterException", "The challenge " + answer + " is not available.");
        }
        if (answer.equals("PASSWORD")) {
            return passwordChecked(issued.username, issued.clientId, required(responses, "PASSWORD"));
        }
        return emailCode(issued.username, issued.clientId, user(issued.username).get("email"));
    }

    private Relayed emailCode(String username, String clientId, String email) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        codes.computeIfAbsent(username, u -> new CopyOnWriteArrayList<>()).add(code);
        String session = issue(new Issued(Kind.EMAIL_OTP, username, clientId, null, null, null, null, code));
        return ok(Json.createObjectBuilder().add("ChallengeName", "EMAIL_OTP").add("Session", session)
                .add("ChallengeParameters", Json.createObjectBuilder()
                        .add("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                        .add("CODE_DELIVERY_DESTINATION", masked(email)))
                .build());
    }

    /** The email code checked; a wrong one leaves the session for another try, the third ends it. */
    private Relayed emailCodeAnswer(String session, String clientId, String username, String code)
            throws CognitoRefusal, IOException, InterruptedException {
        Issued issued = valid(sessions.get(session), Kind.EMAIL_OTP, clientId);
        sameUser(issued, username);
        synchronized (issued) {
            if (!MessageDigest.isEqual(issued.code.getBytes(StandardCharsets.UTF_8),
                    code.getBytes(StandardCharsets.UTF_8))) {
                if (++issued.failures >= CODE_ATTEMPTS) {
                    sessions.remove(session);
                    throw new CognitoRefusal("NotAuthorizedException", INVALID_SESSION);
                }
                throw new CognitoRefusal("CodeMismatchException", "Invalid code or auth state for the user.");
            }
        }
        sessions.remove(session);
        return tokens(issued.username, clientId, null);
    }

    private Relayed signUp(JsonObject request, byte[] body) throws IOException, InterruptedException {
        Relayed answer = forward(SERVICE + "SignUp", body);
        if (answer.status() != 200) {
            return answer;
        }
        String username = request.getString("Username", "");
        passwords.put(username, request.getString("Password", ""));
        String session = issue(new Issued(Kind.SIGN_UP, username, request.getString("ClientId", ""), null, null,
                null, null, null));
        return ok(Json.createObjectBuilder(CognitoWire.json(answer.body())).add("Session", session).build());
    }

    /** ConfirmSignUp with SignUp's session (checked first) answers with the session that signs in once. */
    private Relayed confirmSignUp(JsonObject request, byte[] body)
            throws CognitoRefusal, IOException, InterruptedException {
        String clientId = request.getString("ClientId", "");
        String username = request.getString("Username", "");
        Issued signUp = null;
        if (request.containsKey("Session")) {
            signUp = take(request.getString("Session"), Kind.SIGN_UP, clientId);
            sameUser(signUp, username);
        }
        Relayed answer = forward(SERVICE + "ConfirmSignUp", body);
        if (answer.status() != 200 || signUp == null) {
            return answer;
        }
        String session = issue(new Issued(Kind.CONFIRMED_SIGN_UP, username, clientId, null, null, null, null, null));
        return ok(Json.createObjectBuilder(CognitoWire.json(answer.body())).add("Session", session).build());
    }

    /** The password checked by the emulator: its tokens (or next challenge), or Cognito's refusal. */
    private Relayed passwordChecked(String username, String clientId, String password)
            throws CognitoRefusal, IOException, InterruptedException {
        Relayed answer = tokens(username, clientId, password);
        if (answer.status() == 400 && new String(answer.body(), StandardCharsets.UTF_8)
                .contains("InvalidPasswordException")) {
            // the emulator's word for a wrong password; Cognito's is NotAuthorizedException
            throw new CognitoRefusal("NotAuthorizedException", WRONG_CREDENTIALS);
        }
        return answer;
    }

    /** The emulator's answer to a USER_PASSWORD_AUTH of {@code username}, with the password known to the stand-in. */
    private Relayed tokens(String username, String clientId, String password) throws CognitoRefusal, IOException,
            InterruptedException {
        String known = password != null ? password : passwords.get(username);
        if (known == null) {
            throw new IllegalStateException("The stand-in does not know the password of " + username
                    + ": register it");
        }
        JsonObjectBuilder parameters = Json.createObjectBuilder().add("USERNAME", username).add("PASSWORD", known);
        String secret = clientRules.find(clientId).map(UserPoolClientType::clientSecret).orElse(null);
        if (secret != null) {
            parameters.add("SECRET_HASH", CognitoFixture.secretHash(username, clientId, secret));
        }
        return forward(SERVICE + "InitiateAuth", Json.createObjectBuilder().add("AuthFlow", "USER_PASSWORD_AUTH")
                .add("ClientId", clientId).add("AuthParameters", parameters).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Invokes a trigger over Lambda's Invoke API with Cognito's event; its {@code response}. */
    private JsonObject trigger(String function, String triggerSource, Issued context, Map<String, String> attributes,
                               JsonObjectBuilder request, JsonObjectBuilder response)
            throws CognitoRefusal, IOException, InterruptedException {
        JsonObjectBuilder userAttributes = Json.createObjectBuilder();
        attributes.forEach((name, value) -> {
            if (!name.equals("cognito:username")) {
                userAttributes.add(name, value);
            }
        });
        JsonObject event = Json.createObjectBuilder().add("version", "1").add("region", "local")
                .add("userPoolId", poolId).add("userName", context.username)
                .add("callerContext", Json.createObjectBuilder().add("awsSdkVersion", "aws-sdk-unknown-unknown")
                        .add("clientId", context.clientId))
                .add("triggerSource", triggerSource)
                .add("request", request.add("userAttributes", userAttributes).add("userNotFound", false))
                .add("response", response).build();
        HttpResponse<String> invoked = http.send(HttpRequest.newBuilder(URI.create(lambdaEndpoint
                        + "/2015-03-31/functions/" + function + "/invocations")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject result = Json.createReader(new StringReader(invoked.body())).readObject();
        if (invoked.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            throw new CognitoRefusal("UserLambdaValidationException", triggerSource.split("_")[0]
                    + " failed with error " + result.getString("errorMessage", "") + ".");
        }
        return Optional.ofNullable(result.getJsonObject("response")).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** The user's attributes at the emulator (with {@code cognito:username}); a user it lacks is Cognito's error. */
    private Map<String, String> user(String username) throws CognitoRefusal {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            var user = cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
            Map<String, String> attributes = new LinkedHashMap<>();
            user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
            attributes.put("cognito:username", user.username());
            return attributes;
        } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException e) {
            throw new CognitoRefusal("UserNotFoundException", "User does not exist.");
        }
    }

    private String issue(Issued issued) {
        byte[] value = new byte[48];
        random.nextBytes(value);
        String session = Base64.getEncoder().encodeToString(value);
        sessions.put(session, issued);
        return session;
    }

    /** The session, used up: one of {@code kind}, of this app client, not expired. */
    private Issued take(String session, Kind kind, String clientId) throws CognitoRefusal {
        return valid(sessions.remove(session), kind, clientId);
    }

    private static Issued valid(Issued issued, Kind kind, String clientId) throws CognitoRefusal {
        if (issued == null || issued.kind != kind || !issued.clientId.equals(clientId)) {
            throw new CognitoRefusal("NotAuthorizedException", INVALID_SESSION);
        }
        if (Instant.now().isAfter(issued.expires)) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        return issued;
    }

    private static void sameUser(Issued issued, String username) throws CognitoRefusal {
        if (!issued.username.equals(username)) {
            throw new CognitoRefusal("NotAuthorizedException", INVALID_SESSION);
        }
    }

    /** Cognito's masked destination: {@code a***@e***}. */
    private static String masked(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }

    private Relayed forward(String target, byte[] body) throws IOException, InterruptedException {
        return CognitoWire.relay(emulator.endpoint(), "POST", URI.create("/"), target, body);
    }

    private static Relayed ok(JsonObject body) {
        return new Relayed(200, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
