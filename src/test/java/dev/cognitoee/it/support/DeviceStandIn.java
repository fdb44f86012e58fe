package dev.cognitoee.it.support;

import static dev.cognitoee.it.support.CognitoRefusal.required;

import com.sun.net.httpserver.HttpExchange;
import dev.cognitoee.it.support.CognitoWire.Relayed;
import dev.cognitoee.it.support.SrpStandInMath.ServerHalf;
import dev.cognitoee.it.support.SrpStandInMath.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A <b>stand-in</b> for Cognito's device tracking, which cognito-local 5.3.0 lacks, in front of the emulator: it
 * speaks Cognito's wire protocol and passes every call it does not play on to the emulator unchanged. It plays a pool
 * whose device tracking is on ("user opt-in": remembered devices skip the device's next challenge only once
 * confirmed).
 * <ul>
 *   <li>{@code InitiateAuth} (USER_PASSWORD_AUTH), relayed to the emulator, which checks the password. When the
 *   emulator answers tokens: with a {@code DEVICE_KEY} of a confirmed device of that user ({@code sub} of the
 *   emulator's token), the stand-in keeps the tokens and answers the {@code DEVICE_SRP_AUTH} challenge; otherwise it
 *   adds {@code NewDeviceMetadata} (a new DeviceKey and DeviceGroupKey) to the tokens, as Cognito does for a new
 *   device;</li>
 *   <li>{@code RespondToAuthChallenge} {@code DEVICE_SRP_AUTH}: its session, the device key and SRP_A checked, answers
 *   {@code DEVICE_PASSWORD_VERIFIER} ({@code SRP_B}, {@code SALT}, {@code SECRET_BLOCK}, {@code USERNAME});</li>
 *   <li>{@code RespondToAuthChallenge} {@code DEVICE_PASSWORD_VERIFIER}: the secret block (once), session, device
 *   key, TIMESTAMP (format, 5 minutes) and the signature checked against the verifier ConfirmDevice gave
 *   ({@link SrpStandInMath}, with the group key in the pool name's place and the device key in the user's); a wrong
 *   proof gets {@code NotAuthorizedException} "Incorrect username or password.", a right one the kept tokens;</li>
 *   <li>{@code ConfirmDevice}, {@code UpdateDeviceStatus}, {@code ListDevices}, {@code ForgetDevice}: the access
 *   token's user found by the emulator's {@code GetUser}; a device of another user, or none, is
 *   {@code ResourceNotFoundException} "Device does not exist.".</li>
 * </ul>
 * It never logs a request body.
 */
public final class DeviceStandIn implements AutoCloseable {

    private static final String SERVICE = CognitoWire.SERVICE;

    /** A device as the stand-in keeps it; {@code verifier} null until ConfirmDevice. */
    public record Device(String owner, String deviceKey, String groupKey, Verifier verifier, String name,
                         String status, Instant created, Instant lastAuthenticated, Instant lastModified) {

        Device confirmed(Verifier verifier, String name, Instant at) {
            return new Device(owner, deviceKey, groupKey, verifier, name, "not_remembered", at, at, at);
        }

        Device withStatus(String status, Instant at) {
            return new Device(owner, deviceKey, groupKey, verifier, name, status, created, lastAuthenticated, at);
        }

        Device authenticated(Instant at) {
            return new Device(owner, deviceKey, groupKey, verifier, name, status, created, at, lastModified);
        }
    }

    /** A device sign-in under way: the tokens the emulator gave, held until the device's proof holds. */
    private record Pending(Device device, String username, JsonObject tokens, String clientId, String session,
                           ServerHalf server, BigInteger clientPublic, String secretBlock) {
    }

    private final CognitoLocal emulator;
    private final StandInServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Device> devices = new ConcurrentHashMap<>(); // by device key
    private final Map<String, Pending> pending = new ConcurrentHashMap<>(); // by session
    private final List<String> deviceKeysReceived = new CopyOnWriteArrayList<>();
    private final AtomicInteger proofsAccepted = new AtomicInteger();
    private final AtomicInteger proofsRefused = new AtomicInteger();

    private DeviceStandIn(CognitoLocal emulator) {
        this.emulator = emulator;
        server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator}. */
    public static DeviceStandIn start(CognitoLocal emulator) {
        return new DeviceStandIn(emulator);
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The device {@code deviceKey}, if the stand-in knows it. */
    public Optional<Device> device(String deviceKey) {
        return Optional.ofNullable(devices.get(deviceKey));
    }

    /** The devices of the user {@code sub}. */
    public List<Device> devicesOf(String sub) {
        return devices.values().stream().filter(d -> d.owner().equals(sub)).toList();
    }

    /** Every DEVICE_KEY that InitiateAuth carried, in order. */
    public List<String> deviceKeysReceived() {
        return List.copyOf(deviceKeysReceived);
    }

    /** How many DEVICE_PASSWORD_VERIFIER answers held. */
    public int proofsAccepted() {
        return proofsAccepted.get();
    }

    /** How many DEVICE_PASSWORD_VERIFIER answers were refused. */
    public int proofsRefused() {
        return proofsRefused.get();
    }

    /** Replaces the verifier of {@code deviceKey} with one of another password: its next proof cannot hold. */
    public void corruptVerifier(String deviceKey) {
        devices.computeIfPresent(deviceKey, (key, d) -> new Device(d.owner(), key, d.groupKey(),
                SrpStandInMath.verifier(d.groupKey(), key, "another password", random), d.name(), d.status(),
                d.created(), d.lastAuthenticated(), d.lastModified()));
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call)
            throws IOException, InterruptedException, CognitoRefusal {
        byte[] body = call.body();
        String target = call.target();
        Relayed answer = switch (call.operation()) {
            case "InitiateAuth" -> initiateAuth(target, body);
            case "RespondToAuthChallenge" -> respond(target, body);
            case "ConfirmDevice" -> ok(confirmDevice(call.json()));
            case "UpdateDeviceStatus" -> ok(updateDeviceStatus(call.json()));
            case "ListDevices" -> ok(listDevices(call.json()));
            case "ForgetDevice" -> ok(forgetDevice(call.json()));
            default -> relay(exchange.getRequestMethod(), exchange.getRequestURI(), target, body);
        };
        CognitoWire.send(exchange, answer.status(), answer.body());
    }

    /** InitiateAuth relayed; tokens become a DEVICE_SRP_AUTH challenge, or get a new device. */
    private Relayed initiateAuth(String target, byte[] body) throws IOException, InterruptedException {
        JsonObject request = CognitoWire.json(body);
        JsonObject parameters = Optional.ofNullable(request.getJsonObject("AuthParameters"))
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        String deviceKey = parameters.getString("DEVICE_KEY", null);
        if (deviceKey != null) {
            deviceKeysReceived.add(deviceKey);
        }
        Relayed relayed = relay("POST", URI.create("/"), target, body);
        JsonObject answer = relayed.status() == 200 ? CognitoWire.json(relayed.body()) : null;
        if (answer == null || !answer.containsKey("AuthenticationResult")
                || "REFRESH_TOKEN_AUTH".equals(request.getString("AuthFlow", ""))) {
            return relayed;
        }
        JsonObject tokens = answer.getJsonObject("AuthenticationResult");
        String sub = claim(tokens.getString("AccessToken"), "sub");
        Device device = deviceKey == null ? null : devices.get(deviceKey);
        if (device != null && device.owner().equals(sub) && device.verifier() != null) {
            String session = randomBase64(48);
            pending.put(session, new Pending(device, claim(tokens.getString("AccessToken"), "username"), tokens,
                    request.getString("ClientId", ""), session, null, null, null));
            return ok(Json.createObjectBuilder().add("ChallengeName", "DEVICE_SRP_AUTH")
                    .add("ChallengeParameters", Json.createObjectBuilder()
                            .add("USERNAME", claim(tokens.getString("AccessToken"), "username")))
                    .add("Session", session).build());
        }
        String newKey = "us-east-1_" + UUID.randomUUID();
        String groupKey = "-" + randomAlphanumeric(9);
        devices.put(newKey, new Device(sub, newKey, groupKey, null, null, null, null, null, null));
        return ok(Json.createObjectBuilder(answer).add("AuthenticationResult", Json.createObjectBuilder(tokens)
                .add("NewDeviceMetadata", Json.createObjectBuilder().add("DeviceKey", newKey)
                        .add("DeviceGroupKey", groupKey))).build());
    }

    private Relayed respond(String target, byte[] body) throws CognitoRefusal, IOException, InterruptedException {
        JsonObject request = CognitoWire.json(body);
        return switch (request.getString("ChallengeName", "")) {
            case "DEVICE_SRP_AUTH" -> ok(deviceChallenge(request));
            case "DEVICE_PASSWORD_VERIFIER" -> ok(deviceProof(request));
            default -> relay("POST", URI.create("/"), target, body);
        };
    }

    /** DEVICE_SRP_AUTH answered with SRP_A: the DEVICE_PASSWORD_VERIFIER challenge. */
    private JsonObject deviceChallenge(JsonObject request) throws CognitoRefusal {
        JsonObject responses = responses(request);
        Pending started = pending.remove(request.getString("Session", ""));
        if (started == null || started.server() != null || !started.clientId().equals(request.getString("ClientId",
                ""))) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid session for the user.");
        }
        if (!started.device().deviceKey().equals(required(responses, "DEVICE_KEY"))
                || !started.username().equals(required(responses, "USERNAME"))) {
            throw new CognitoRefusal("NotAuthorizedException", SrpProof.WRONG_PROOF);
        }
        BigInteger clientPublic;
        try {
            clientPublic = new BigInteger(required(responses, "SRP_A"), 16);
        } catch (NumberFormatException e) {
            throw new CognitoRefusal("InvalidParameterException", "SRP_A is not a hexadecimal number");
        }
        if (clientPublic.mod(SrpStandInMath.N).signum() == 0) {
            throw new CognitoRefusal("InvalidParameterException", "Invalid SRP_A");
        }
        ServerHalf half = SrpStandInMath.serverHalf(started.device().verifier(), random);
        String session = randomBase64(48);
        String secretBlock = randomBase64(96);
        pending.put(session, new Pending(started.device(), started.username(), started.tokens(),
                started.clientId(), session, half, clientPublic, secretBlock));
        return Json.createObjectBuilder().add("ChallengeName", "DEVICE_PASSWORD_VERIFIER")
                .add("ChallengeParameters", Json.createObjectBuilder()
                        .add("SRP_B", half.publicValue().toString(16))
                        .add("SALT", started.device().verifier().salt().toString(16))
                        .add("SECRET_BLOCK", secretBlock)
                        .add("USERNAME", started.username()))
                .add("Session", session).build();
    }

    /** DEVICE_PASSWORD_VERIFIER: the proof checked against the device's verifier, then the kept tokens. */
    private JsonObject deviceProof(JsonObject request) throws CognitoRefusal {
        try {
            Pending challenge = checkedProof(request);
            proofsAccepted.incrementAndGet();
            devices.computeIfPresent(challenge.device().deviceKey(), (k, d) -> d.authenticated(Instant.now()));
            return Json.createObjectBuilder().add("AuthenticationResult", challenge.tokens())
                    .add("ChallengeParameters", JsonValue.EMPTY_JSON_OBJECT).build();
        } catch (CognitoRefusal e) {
            proofsRefused.incrementAndGet();
            throw e;
        }
    }

    private Pending checkedProof(JsonObject request) throws CognitoRefusal {
        JsonObject responses = responses(request);
        String secretBlock = required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = required(responses, "TIMESTAMP");
        String deviceKey = required(responses, "DEVICE_KEY");
        Pending challenge = pending.remove(request.getString("Session", "")); // answers once, right or wrong
        if (challenge == null || challenge.server() == null || !challenge.secretBlock().equals(secretBlock)
                || !challenge.clientId().equals(request.getString("ClientId", ""))) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid session for the user.");
        }
        if (!challenge.device().deviceKey().equals(deviceKey)
                || !challenge.username().equals(required(responses, "USERNAME"))) {
            throw new CognitoRefusal("NotAuthorizedException", SrpProof.WRONG_PROOF);
        }
        SrpProof.checkTimestamp(timestamp);
        Device device = devices.get(deviceKey);
        if (device == null || device.verifier() == null) {
            throw new CognitoRefusal("ResourceNotFoundException", "Device does not exist.");
        }
        byte[] expected = SrpStandInMath.expectedSignature(device.groupKey(), deviceKey, device.verifier(),
                challenge.server(), challenge.clientPublic(), Base64.getDecoder().decode(secretBlock), timestamp);
        SrpProof.checkSignature(expected, signature);
        return challenge;
    }

    private JsonObject confirmDevice(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        String sub = caller(request);
        String deviceKey = required(request, "DeviceKey");
        Device device = devices.get(deviceKey);
        if (device == null || !device.owner().equals(sub)) {
            throw new CognitoRefusal("ResourceNotFoundException", "Device does not exist.");
        }
        if (device.verifier() != null) {
            throw new CognitoRefusal("NotAuthorizedException", "Device has already been confirmed.");
        }
        JsonObject config = Optional.ofNullable(request.getJsonObject("DeviceSecretVerifierConfig"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter DeviceSecretVerifierConfig"));
        byte[] verifier = SrpProof.lenientBase64(required(config, "PasswordVerifier"));
        byte[] salt = SrpProof.lenientBase64(required(config, "Salt"));
        if (verifier.length == 0 || salt.length == 0) {
            throw new CognitoRefusal("InvalidParameterException", "Invalid DeviceSecretVerifierConfig");
        }
        String name = request.getString("DeviceName", null);
        if (name != null && name.length() > 1024) {
            throw new CognitoRefusal("InvalidParameterException", "DeviceName is too long");
        }
        devices.put(deviceKey, device.confirmed(new Verifier(new BigInteger(1, salt), new BigInteger(1, verifier)),
                name, Instant.now()));
        return Json.createObjectBuilder().add("UserConfirmationNecessary", true).build();
    }

    private JsonObject updateDeviceStatus(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        Device device = callersDevice(request);
        String status = request.getString("DeviceRememberedStatus", "");
        if (!Set.of("remembered", "not_remembered").contains(status)) {
            throw new CognitoRefusal("InvalidParameterException", "1 validation error detected: Value '" + status
                    + "' at 'deviceRememberedStatus' failed to satisfy constraint");
        }
        devices.put(device.deviceKey(), device.withStatus(status, Instant.now()));
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject listDevices(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        String sub = caller(request);
        int limit = request.getInt("Limit", 60);
        if (limit < 0 || limit > 60) {
            throw new CognitoRefusal("InvalidParameterException", "Limit must be between 0 and 60");
        }
        List<Device> mine = new ArrayList<>(devices.values().stream()
                .filter(d -> d.owner().equals(sub) && d.verifier() != null).toList());
        mine.sort((a, b) -> a.deviceKey().compareTo(b.deviceKey()));
        int from = Integer.parseInt(request.getString("PaginationToken", "0"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        int to = Math.min(mine.size(), from + (limit == 0 ? 60 : limit));
        for (Device device : mine.subList(Math.min(from, mine.size()), to)) {
            JsonArrayBuilder attributes = Json.createArrayBuilder()
                    .add(attribute("device_status", "valid"))
                    .add(attribute("dev:device_remembered_status", device.status()));
            if (device.name() != null) {
                attributes.add(attribute("device_name", device.name()));
            }
            list.add(Json.createObjectBuilder().add("DeviceKey", device.deviceKey())
                    .add("DeviceAttributes", attributes)
                    .add("DeviceCreateDate", epochSeconds(device.created()))
                    .add("DeviceLastAuthenticatedDate", epochSeconds(device.lastAuthenticated()))
                    .add("DeviceLastModifiedDate", epochSeconds(device.lastModified())));
        }
        var out = Json.createObjectBuilder().add("Devices", list);
        if (to < mine.size()) {
            out.add("PaginationToken", Integer.toString(to));
        }
        return out.build();
    }

    private JsonObject forgetDevice(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        devices.remove(callersDevice(request).deviceKey());
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private Device callersDevice(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        String sub = caller(request);
        Device device = devices.get(required(request, "DeviceKey"));
        if (device == null || !device.owner().equals(sub) || device.verifier() == null) {
            throw new CognitoRefusal("ResourceNotFoundException", "Device does not exist.");
        }
        return device;
    }

    /** The {@code sub} of the access token's user, as the emulator's GetUser knows it. */
    private String caller(JsonObject request) throws CognitoRefusal, IOException, InterruptedException {
        String accessToken = required(request, "AccessToken");
        Relayed user = relay("POST", URI.create("/"), SERVICE + "GetUser", Json.createObjectBuilder()
                .add("AccessToken", accessToken).build().toString().getBytes(StandardCharsets.UTF_8));
        if (user.status() != 200) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid Access Token");
        }
        String sub = CognitoWire.json(user.body()).getJsonArray("UserAttributes").getValuesAs(JsonObject.class).stream()
                .filter(a -> "sub".equals(a.getString("Name", ""))).map(a -> a.getString("Value")).findFirst()
                .orElseThrow(() -> new CognitoRefusal("NotAuthorizedException", "Invalid Access Token"));
        if (!sub.equals(claim(accessToken, "sub"))) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid Access Token");
        }
        return sub;
    }

    private static JsonObject attribute(String name, String value) {
        return Json.createObjectBuilder().add("Name", name).add("Value", value).build();
    }

    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static JsonObject responses(JsonObject request) throws CognitoRefusal {
        return Optional.ofNullable(request.getJsonObject("ChallengeResponses"))
                .orElseThrow(() -> new CognitoRefusal("InvalidParameterException",
                        "Missing required parameter ChallengeResponses"));
    }

    /** A claim of a token the emulator issued (its signature is the module's business, not the relay's). */
    private static String claim(String token, String name) {
        String[] parts = token.split("\\.");
        return CognitoWire.json(Base64.getUrlDecoder().decode(parts[1])).getString(name, "");
    }

    private Relayed relay(String method, URI path, String target, byte[] body)
            throws IOException, InterruptedException {
        return CognitoWire.relay(emulator.endpoint(), method, path, target, body);
    }

    private static Relayed ok(JsonObject body) {
        return new Relayed(200, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
