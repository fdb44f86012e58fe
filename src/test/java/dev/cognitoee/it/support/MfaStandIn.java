package dev.cognitoee.it.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A <b>stand-in</b> for Cognito's email MFA and for the {@code MFA_SETUP} sign-in challenge, which cognito-local 5.3.0
 * lacks, in front of the emulator. It speaks Cognito's wire protocol ({@code POST /},
 * {@code application/x-amz-json-1.1}, {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Op>}) and passes every
 * other call on to the emulator unchanged: TOTP association and verification with an access token, SMS and TOTP
 * preferences, sign-in and its SOFTWARE_TOKEN_MFA challenge are the emulator's own.
 * <ul>
 *   <li>{@code SetUserMFAPreference} with {@code EmailMfaSettings}: the access token must verify against the pool's
 *   JWKS (signature, expiry, {@code token_use} access), else {@code NotAuthorizedException}; the user must have an
 *   email address ({@code InvalidParameterException}); the email setting is kept here, the rest relayed. The last
 *   type made preferred is the preferred one, as in Cognito.</li>
 *   <li>{@code GetUser}: the emulator's answer with the email setting added to {@code UserMFASettingList} and
 *   {@code PreferredMfaSetting}.</li>
 *   <li>{@code InitiateAuth} on an app client of a pool with MFA required ({@link #requireMfa}): when the emulator
 *   hands out tokens (the user has no MFA there), the tokens are held and Cognito's {@code MFA_SETUP} is answered
 *   instead, with {@code MFAS_CAN_SETUP} {@code ["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]} and a Session; for a user with
 *   email MFA on (any pool), the {@code EMAIL_OTP} challenge, with a code sent to their address
 *   ({@link #lastCode}).</li>
 *   <li>{@code AssociateSoftwareToken} / {@code VerifySoftwareToken} with such a Session: relayed to the emulator with
 *   the held access token (the emulator draws the secret and checks the code per RFC 6238, ±30 s); a wrong code is
 *   answered as Cognito does, {@code EnableSoftwareTokenMFAException}.</li>
 *   <li>{@code RespondToAuthChallenge MFA_SETUP}: with {@code EMAIL} (checked as an address, else
 *   {@code InvalidParameterException}), a code is sent there and {@code EMAIL_OTP} follows; without it, only after a
 *   verified authenticator, and the held tokens are released. {@code EMAIL_OTP} with the right
 *   {@code EMAIL_OTP_CODE} turns email MFA on (setup) and releases the tokens; a wrong code is
 *   {@code CodeMismatchException}, and the third ends the session ({@code NotAuthorizedException}).</li>
 * </ul>
 * Every challenge session is single-use, bound to its user (USERNAME) and app client, and lives 3 minutes, as
 * Cognito's. The stand-in never logs a request body.
 */
public final class MfaStandIn implements AutoCloseable {

    private static final String SERVICE = CognitoWire.SERVICE;
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_CODE_ATTEMPTS = 3;

    /** The email MFA setting of a user; {@code address} is where codes go. */
    private record EmailMfa(boolean enabled, boolean preferred, String address) {
    }

    private enum Stage { SETUP, TOTP_ASSOCIATED, TOTP_VERIFIED, EMAIL_CODE }

    /** A challenge issued by the stand-in: the tokens it holds back until it is answered. */
    private record Pending(Stage stage, String username, String sub, String clientId, JsonObject tokens,
                           String accessToken, String address, String code, int attempts, Instant expires) {
        Pending next(Stage nextStage, String nextAddress, String nextCode) {
            return new Pending(nextStage, username, sub, clientId, tokens, accessToken, nextAddress, nextCode, 0,
                    Instant.now().plus(SESSION_LIFETIME));
        }

        Pending failedAttempt() {
            return new Pending(stage, username, sub, clientId, tokens, accessToken, address, code, attempts + 1,
                    expires);
        }
    }

    private final CognitoLocal emulator;
    private final StandInServer server;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> mfaRequiredClients = ConcurrentHashMap.newKeySet();
    private final Map<String, EmailMfa> emailMfa = new ConcurrentHashMap<>(); // by sub
    private final Map<String, Pending> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> lastCodes = new ConcurrentHashMap<>(); // by address
    private final Map<String, DefaultJWTProcessor<SecurityContext>> verifiers = new ConcurrentHashMap<>();

    private MfaStandIn(CognitoLocal emulator) {
        this.emulator = emulator;
        server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator}. */
    public static MfaStandIn start(CognitoLocal emulator) {
        return new MfaStandIn(emulator);
    }

    /** The app client {@code clientId} belongs to a pool whose MFA is required (Cognito's MfaConfiguration ON). */
    public MfaStandIn requireMfa(String clientId) {
        mfaRequiredClients.add(clientId);
        return this;
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The last code sent to {@code address}, as the user would read it in their mailbox. */
    public Optional<String> lastCode(String address) {
        return Optional.ofNullable(lastCodes.get(address));
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call) throws IOException {
        JsonObject request = call.operation().isEmpty() ? null : call.json();
        Answer answer = switch (call.operation()) {
            case "SetUserMFAPreference" -> setPreference(request);
            case "GetUser" -> getUser(request);
            case "InitiateAuth" -> initiateAuth(request);
            case "AssociateSoftwareToken" -> request.containsKey("Session") ? associate(request) : null;
            case "VerifySoftwareToken" -> request.containsKey("Session") ? verify(request) : null;
            case "RespondToAuthChallenge" -> sessions.containsKey(request.getString("Session", ""))
                    ? respond(request) : playedHere(request.getString("ChallengeName", ""))
                    ? Answer.error("NotAuthorizedException", "Invalid session for the user.") : null;
            default -> null;
        };
        if (answer == null) {
            answer = relay(call.target(), call.body());
        }
        CognitoWire.send(exchange, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The challenges only the stand-in issues: an answer with a session it does not know is a spent one. */
    private static boolean playedHere(String challenge) {
        return challenge.equals("MFA_SETUP") || challenge.equals("EMAIL_OTP");
    }

    /** An HTTP answer in Cognito's shape. */
    private record Answer(int status, String body) {
        static Answer ok(JsonObject body) {
            return new Answer(200, body.toString());
        }

        static Answer error(String type, String message) {
            return new Answer(400, new String(CognitoWire.error(type, message), StandardCharsets.UTF_8));
        }

        JsonObject json() {
            return CognitoWire.json(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Answer setPreference(JsonObject request) {
        JsonObject email = request.getJsonObject("EmailMfaSettings");
        if (email == null) {
            return relayPreference(request, false);
        }
        JWTClaimsSet claims = verifiedAccessToken(request.getString("AccessToken", ""));
        if (claims == null) {
            return Answer.error("NotAuthorizedException", "Invalid Access Token");
        }
        Answer user = relay(SERVICE + "GetUser", Json.createObjectBuilder()
                .add("AccessToken", request.getString("AccessToken")).build().toString());
        if (user.status() != 200) {
            return user;
        }
        String address = attribute(user.json(), "email");
        boolean enabled = email.getBoolean("Enabled", false);
        if (enabled && address == null) {
            return Answer.error("InvalidParameterException", "User does not have an email address");
        }
        boolean preferred = enabled && email.getBoolean("PreferredMfa", isPreferred(claims.getSubject()));
        boolean othersPreferred = preferredIn(request, "SMSMfaSettings") || preferredIn(request, "SoftwareTokenMfaSettings");
        Answer relayed = relayPreference(request, preferred && !othersPreferred);
        if (relayed.status() != 200) {
            return relayed;
        }
        emailMfa.put(claims.getSubject(), new EmailMfa(enabled, preferred && !othersPreferred, address));
        return relayed;
    }

    /**
     * The SMS and TOTP settings of {@code request}, relayed to the emulator; a newly preferred TOTP or SMS type
     * takes the preference from email. With email preferred, the emulator is told that neither of its types is.
     */
    private Answer relayPreference(JsonObject request, boolean emailPreferred) {
        JsonObjectBuilder relayed = Json.createObjectBuilder(request).remove("EmailMfaSettings");
        if (!request.containsKey("SMSMfaSettings") && !request.containsKey("SoftwareTokenMfaSettings")) {
            return emailPreferred ? clearEmulatorPreference(request.getString("AccessToken"))
                    : Answer.ok(Json.createObjectBuilder().build());
        }
        Answer answer = relay(SERVICE + "SetUserMFAPreference", relayed.build().toString());
        if (answer.status() == 200 && (preferredIn(request, "SMSMfaSettings")
                || preferredIn(request, "SoftwareTokenMfaSettings"))) {
            JWTClaimsSet claims = verifiedAccessToken(request.getString("AccessToken", ""));
            if (claims != null) {
                emailMfa.computeIfPresent(claims.getSubject(), (sub, e) -> new EmailMfa(e.enabled(), false,
                        e.address()));
            }
        }
        return answer;
    }

    /** The emulator keeps PreferredMfaSetting until a call names none: one such call, changing nothing else. */
    private Answer clearEmulatorPreference(String accessToken) {
        Answer user = relay(SERVICE + "GetUser", Json.createObjectBuilder().add("AccessToken", accessToken).build()
                .toString());
        if (user.status() != 200) {
            return user;
        }
        var list = user.json().getJsonArray("UserMFASettingList");
        boolean totp = list != null && list.getValuesAs(JsonString::getString).contains("SOFTWARE_TOKEN_MFA");
        if (!totp) {
            return Answer.ok(Json.createObjectBuilder().build());
        }
        return relay(SERVICE + "SetUserMFAPreference", Json.createObjectBuilder().add("AccessToken", accessToken)
                .add("SoftwareTokenMfaSettings", Json.createObjectBuilder().add("Enabled", true)
                        .add("PreferredMfa", false)).build().toString());
    }

    private static boolean preferredIn(JsonObject request, String setting) {
        JsonObject settings = request.getJsonObject(setting);
        return settings != null && settings.getBoolean("Enabled", false) && settings.getBoolean("PreferredMfa", false);
    }

    private boolean isPreferred(String sub) {
        EmailMfa current = emailMfa.get(sub);
        return current != null && current.preferred();
    }

    private Answer getUser(JsonObject request) {
        Answer user = relay(SERVICE + "GetUser", request.toString());
        JWTClaimsSet claims = verifiedAccessToken(request.getString("AccessToken", ""));
        EmailMfa email = claims == null ? null : emailMfa.get(claims.getSubject());
        if (user.status() != 200 || email == null || !email.enabled()) {
            return user;
        }
        JsonObject body = user.json();
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (body.getJsonArray("UserMFASettingList") != null) {
            body.getJsonArray("UserMFASettingList").forEach(list::add);
        }
        list.add("EMAIL_OTP");
        JsonObjectBuilder merged = Json.createObjectBuilder(body).add("UserMFASettingList", list);
        if (email.preferred()) {
            merged.add("PreferredMfaSetting", "EMAIL_OTP");
        }
        return Answer.ok(merged.build());
    }

    private Answer initiateAuth(JsonObject request) {
        Answer answer = relay(SERVICE + "InitiateAuth", request.toString());
        if (answer.status() != 200 || !answer.json().containsKey("AuthenticationResult")
                || "REFRESH_TOKEN_AUTH".equals(request.getString("AuthFlow", ""))) {
            return answer;
        }
        JsonObject tokens = answer.json().getJsonObject("AuthenticationResult");
        String accessToken = tokens.getString("AccessToken");
        JWTClaimsSet claims = verifiedAccessToken(accessToken);
        if (claims == null) {
            return answer;
        }
        String username = String.valueOf(claims.getClaim("username"));
        String clientId = request.getString("ClientId", "");
        Pending pending = new Pending(Stage.SETUP, username, claims.getSubject(), clientId, tokens, accessToken,
                null, null, 0, Instant.now().plus(SESSION_LIFETIME));
        EmailMfa email = emailMfa.get(claims.getSubject());
        if (email != null && email.enabled()) {
            return emailCodeChallenge(pending, email.address());
        }
        if (!mfaRequiredClients.contains(clientId)) {
            return answer;
        }
        return challenge("MFA_SETUP", pending, Json.createObjectBuilder()
                .add("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]"));
    }

    private Answer associate(JsonObject request) {
        Pending pending = take(request.getString("Session"));
        if (pending == null || pending.stage() != Stage.SETUP) {
            return Answer.error("NotAuthorizedException", "Invalid session for the user.");
        }
        Answer secret = relay(SERVICE + "AssociateSoftwareToken", Json.createObjectBuilder()
                .add("AccessToken", pending.accessToken()).build().toString());
        if (secret.status() != 200) {
            return secret;
        }
        String session = issue(pending.next(Stage.TOTP_ASSOCIATED, null, null));
        return Answer.ok(Json.createObjectBuilder().add("SecretCode", secret.json().getString("SecretCode"))
                .add("Session", session).build());
    }

    private Answer verify(JsonObject request) {
        String session = request.getString("Session");
        Pending pending = sessions.get(session);
        if (pending == null || pending.stage() != Stage.TOTP_ASSOCIATED || expired(session, pending)) {
            return Answer.error("NotAuthorizedException", "Invalid session for the user.");
        }
        JsonObjectBuilder relayed = Json.createObjectBuilder().add("AccessToken", pending.accessToken())
                .add("UserCode", request.getString("UserCode", ""));
        if (request.containsKey("FriendlyDeviceName")) {
            relayed.add("FriendlyDeviceName", request.getString("FriendlyDeviceName"));
        }
        Answer verified = relay(SERVICE + "VerifySoftwareToken", relayed.build().toString());
        if (verified.status() != 200) {
            return "CodeMismatchException".equals(verified.json().getString("__type", ""))
                    ? Answer.error("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")
                    : verified;
        }
        sessions.remove(session);
        return Answer.ok(Json.createObjectBuilder().add("Status", "SUCCESS")
                .add("Session", issue(pending.next(Stage.TOTP_VERIFIED, null, null))).build());
    }

    private Answer respond(JsonObject request) {
        String session = request.getString("Session");
        Pending pending = sessions.get(session);
        JsonObject responses = request.getJsonObject("ChallengeResponses");
        String challenge = request.getString("ChallengeName", "");
        if (expired(session, pending) || responses == null
                || !pending.username().equals(responses.getString("USERNAME", ""))
                || !pending.clientId().equals(request.getString("ClientId", ""))) {
            sessions.remove(session);
            return Answer.error("NotAuthorizedException", "Invalid session for the user.");
        }
        if ("MFA_SETUP".equals(challenge) && pending.stage() == Stage.SETUP && responses.containsKey("EMAIL")) {
            String address = responses.getString("EMAIL");
            if (!EMAIL.matcher(address).matches()) {
                return Answer.error("InvalidParameterException", "Invalid email address format.");
            }
            sessions.remove(session);
            return emailCodeChallenge(pending, address);
        }
        if ("MFA_SETUP".equals(challenge) && pending.stage() == Stage.TOTP_VERIFIED) {
            sessions.remove(session);
            return Answer.ok(Json.createObjectBuilder().add("ChallengeParameters", Json.createObjectBuilder())
                    .add("AuthenticationResult", pending.tokens()).build());
        }
        if ("EMAIL_OTP".equals(challenge) && pending.stage() == Stage.EMAIL_CODE) {
            return emailCode(session, pending, responses.getString("EMAIL_OTP_CODE", ""));
        }
        return Answer.error("InvalidParameterException", "Invalid challenge responses for " + challenge);
    }

    private Answer emailCode(String session, Pending pending, String code) {
        if (!pending.code().equals(code)) {
            Pending failed = pending.failedAttempt();
            if (failed.attempts() >= MAX_CODE_ATTEMPTS) {
                sessions.remove(session);
                return Answer.error("NotAuthorizedException", "Invalid session for the user.");
            }
            sessions.put(session, failed);
            return Answer.error("CodeMismatchException", "Invalid code or auth state for the user.");
        }
        sessions.remove(session);
        emailMfa.compute(pending.sub(), (sub, current) -> current != null && current.enabled() ? current
                : new EmailMfa(true, false, pending.address()));
        return Answer.ok(Json.createObjectBuilder().add("ChallengeParameters", Json.createObjectBuilder())
                .add("AuthenticationResult", pending.tokens()).build());
    }

    private Answer emailCodeChallenge(Pending pending, String address) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        lastCodes.put(address, code);
        int at = address.indexOf('@');
        String masked = address.charAt(0) + "***@" + address.charAt(at + 1) + "***";
        return challenge("EMAIL_OTP", pending.next(Stage.EMAIL_CODE, address, code), Json.createObjectBuilder()
                .add("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL").add("CODE_DELIVERY_DESTINATION", masked));
    }

    private Answer challenge(String name, Pending pending, JsonObjectBuilder parameters) {
        String session = issue(pending);
        return Answer.ok(Json.createObjectBuilder().add("ChallengeName", name).add("Session", session)
                .add("ChallengeParameters", parameters.add("USER_ID_FOR_SRP", pending.username())).build());
    }

    private String issue(Pending pending) {
        String session = UUID.randomUUID() + "." + UUID.randomUUID();
        sessions.put(session, pending);
        return session;
    }

    private Pending take(String session) {
        Pending pending = sessions.remove(session);
        return pending == null || pending.expires().isBefore(Instant.now()) ? null : pending;
    }

    private boolean expired(String session, Pending pending) {
        if (pending == null) {
            return true;
        }
        if (pending.expires().isBefore(Instant.now())) {
            sessions.remove(session);
            return true;
        }
        return false;
    }

    /** The claims of a valid access token of the emulator's pool (signature, expiry, token_use), else null. */
    private JWTClaimsSet verifiedAccessToken(String token) {
        try {
            String issuer = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
            String poolId = issuer.substring(issuer.lastIndexOf('/') + 1);
            if (!issuer.equals(emulator.issuer(poolId))) {
                return null;
            }
            JWTClaimsSet claims = verifiers.computeIfAbsent(poolId, this::verifier).process(token, null);
            return "access".equals(claims.getClaim("token_use")) ? claims : null;
        } catch (Exception e) { // a malformed, forged or expired token: Cognito's "Invalid Access Token"
            return null;
        }
    }

    private DefaultJWTProcessor<SecurityContext> verifier(String poolId) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(emulator.jwksUri(poolId))).build();
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            return processor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(JsonObject user, String name) {
        var attributes = user.getJsonArray("UserAttributes");
        if (attributes == null) {
            return null;
        }
        return attributes.getValuesAs(JsonObject.class).stream().filter(a -> name.equals(a.getString("Name", "")))
                .map(a -> a.getString("Value", null)).findFirst().orElse(null);
    }

    private Answer relay(String target, byte[] body) {
        try {
            CognitoWire.Relayed relayed = CognitoWire.relay(emulator.endpoint(), "POST", URI.create("/"), target,
                    body);
            return new Answer(relayed.status(), new String(relayed.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"relay failed\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(500, "{\"__type\":\"InternalErrorException\",\"message\":\"interrupted\"}");
        }
    }

    private Answer relay(String target, String body) {
        return relay(target, body.getBytes(StandardCharsets.UTF_8));
    }
}
