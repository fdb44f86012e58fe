package dev.cognitoee.it.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.cognitoee.it.support.PasskeyLedger.Passkey;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A <b>stand-in</b> for Cognito's passkey calls, which cognito-local 5.3.0 lacks, in front of the emulator. It speaks
 * Cognito's wire protocol ({@link CognitoWire}) and passes every call it does not play on to the emulator unchanged.
 * <ul>
 *   <li>Every passkey call checks its {@code AccessToken} as Cognito does: signed by the emulator's key (its JWKS),
 *   the pool's issuer, {@code token_use} access, not expired; else {@code NotAuthorizedException}. The caller is
 *   the token's {@code sub}: one user never sees or deletes another's passkeys.</li>
 *   <li>{@code StartWebAuthnRegistration}: {@code CredentialCreationOptions} with a fresh 32-byte challenge (one
 *   pending per user, 5 minutes), the configured relying party, the user ({@code sub} as the user handle), ES256 and
 *   RS256, the user's passkeys as {@code excludeCredentials}, resident key and user verification required.</li>
 *   <li>{@code CompleteWebAuthnRegistration}: verifies the attestation with webauthn4j (apart from the module):
 *   the challenge (used once, right or wrong), the type, the origin, the rpId hash, the user-present and
 *   user-verified flags, the algorithm, the attestation statement; answers a wrong challenge with
 *   {@code WebAuthnChallengeNotFoundException}, a wrong origin with {@code WebAuthnOriginNotAllowedException}, a
 *   wrong rpId with {@code WebAuthnRelyingPartyMismatchException}, any other failed check with
 *   {@code WebAuthnCredentialNotSupportedException}, and a credential that is not one with
 *   {@code InvalidParameterException}.</li>
 *   <li>{@code ListWebAuthnCredentials} (MaxResults 1 to 20, default 10; an opaque NextToken valid for its user
 *   only) and {@code DeleteWebAuthnCredential} ({@code ResourceNotFoundException} for an id that is not the
 *   caller's).</li>
 *   <li>The {@code WEB_AUTHN} sign-in ({@code USER_AUTH}): {@link PasskeySignInStandIn}.</li>
 * </ul>
 * The names Cognito gives passkeys ({@code FriendlyCredentialName}) are the stand-in's own: "Passkey" and the
 * registration's order. It never logs a request body.
 */
public final class PasskeyStandIn implements AutoCloseable {

    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final int DEFAULT_PAGE = 10;
    private static final int MAX_PAGE = 20;

    private record PendingRegistration(byte[] challenge, Instant expiresAt) {
    }

    private record PageToken(String sub, int offset) {
    }

    /** The caller of a passkey call, as its access token says. */
    record Caller(String sub, String username) {
    }

    private final CognitoLocal emulator;
    private final String relyingPartyId;
    private final Origin origin;
    private final StandInServer server;
    private final SecureRandom random = new SecureRandom();
    private final DefaultJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final PasskeyLedger ledger = new PasskeyLedger();
    private final PasskeySignInStandIn signIn;
    private final Map<String, PendingRegistration> pending = new ConcurrentHashMap<>(); // by sub
    private final Map<String, PageToken> pageTokens = new ConcurrentHashMap<>();
    private final AtomicInteger registrationsAccepted = new AtomicInteger();
    private final AtomicInteger registrationsRefused = new AtomicInteger();

    private PasskeyStandIn(CognitoLocal emulator, String poolId, String relyingPartyId, String origin)
            throws MalformedURLException {
        this.emulator = emulator;
        this.relyingPartyId = relyingPartyId;
        this.origin = new Origin(origin);
        URL jwks = URI.create(emulator.jwksUri(poolId)).toURL();
        accessTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(jwks).retrying(false).build()));
        accessTokens.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder()
                .issuer(emulator.issuer(poolId)).claim("token_use", "access").build(), Set.of("sub", "exp")));
        signIn = new PasskeySignInStandIn(this, emulator, poolId, ledger, webAuthn);
        server = StandInServer.start(this::handle);
    }

    /**
     * Starts the stand-in in front of {@code emulator} for the pool {@code poolId}, with passkeys bound to
     * {@code relyingPartyId} (a domain, e.g. {@code localhost}) and made on pages of {@code origin}
     * (e.g. {@code http://localhost:8080}).
     */
    public static PasskeyStandIn start(CognitoLocal emulator, String poolId, String relyingPartyId, String origin) {
        try {
            return new PasskeyStandIn(emulator, poolId, relyingPartyId, origin);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    public String relyingPartyId() {
        return relyingPartyId;
    }

    public String origin() {
        return origin.toString();
    }

    /** Tells the stand-in {@code username}'s password, with which it asks the emulator for the tokens of a passkey
     * sign-in (as {@link SrpStandIn} does for SRP). */
    public void knowPassword(String username, String password) {
        signIn.knowPassword(username, password);
    }

    /** How many registrations were verified and kept. */
    public int registrationsAccepted() {
        return registrationsAccepted.get();
    }

    /** How many registrations failed verification. */
    public int registrationsRefused() {
        return registrationsRefused.get();
    }

    /** How many WEB_AUTHN sign-in answers held. */
    public int assertionsAccepted() {
        return signIn.accepted();
    }

    /** How many WEB_AUTHN sign-in answers were refused. */
    public int assertionsRefused() {
        return signIn.refused();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call)
            throws IOException, InterruptedException, CognitoRefusal {
        String operation = call.operation();
        try {
            byte[] answer = switch (operation) {
                case "StartWebAuthnRegistration" -> startRegistration(json(call.body()));
                case "CompleteWebAuthnRegistration" -> completeRegistration(json(call.body()));
                case "ListWebAuthnCredentials" -> list(json(call.body()));
                case "DeleteWebAuthnCredential" -> delete(json(call.body()));
                case "InitiateAuth", "RespondToAuthChallenge" -> signIn.answer(operation, json(call.body()));
                default -> null;
            };
            if (answer != null) {
                CognitoWire.send(exchange, 200, answer);
            } else {
                CognitoWire.relay(emulator.endpoint(), exchange, call.body());
            }
        } catch (RuntimeException e) { // as Cognito: never a stack trace on the wire
            CognitoWire.send(exchange, 500, CognitoWire.error("InternalErrorException", "Internal error"));
        }
    }

    private byte[] startRegistration(JsonObject request) throws CognitoRefusal {
        Caller caller = caller(request);
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        pending.put(caller.sub(), new PendingRegistration(challenge, Instant.now().plus(CHALLENGE_LIFETIME)));
        JsonArrayBuilder exclude = Json.createArrayBuilder();
        ledger.of(caller.sub()).forEach(p -> exclude.add(Json.createObjectBuilder().add("type", "public-key")
                .add("id", p.credentialId())));
        JsonObject options = Json.createObjectBuilder()
                .add("challenge", base64Url(challenge))
                .add("rp", Json.createObjectBuilder().add("id", relyingPartyId).add("name", relyingPartyId))
                .add("user", Json.createObjectBuilder()
                        .add("id", base64Url(caller.sub().getBytes(StandardCharsets.UTF_8)))
                        .add("name", caller.username()).add("displayName", caller.username()))
                .add("pubKeyCredParams", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -7))
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -257)))
                .add("timeout", CHALLENGE_LIFETIME.toMillis())
                .add("excludeCredentials", exclude)
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "required")
                        .add("requireResidentKey", true).add("userVerification", "required"))
                .add("attestation", "none")
                .build();
        return Json.createObjectBuilder().add("CredentialCreationOptions", options).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] completeRegistration(JsonObject request) throws CognitoRefusal {
        Caller caller = caller(request);
        JsonValue credential = request.get("Credential");
        if (credential == null || credential.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new CognitoRefusal("InvalidParameterException", "Missing required parameter Credential");
        }
        PendingRegistration registration = pending.remove(caller.sub()); // answered once, right or wrong
        if (registration == null || registration.expiresAt().isBefore(Instant.now())) {
            registrationsRefused.incrementAndGet();
            throw new CognitoRefusal("WebAuthnChallengeNotFoundException", "Challenge not found or expired.");
        }
        RegistrationData verified;
        try {
            verified = webAuthn.verifyRegistrationResponseJSON(credential.toString(), new RegistrationParameters(
                    new ServerProperty(origin, relyingPartyId, new DefaultChallenge(registration.challenge())),
                    List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                                    COSEAlgorithmIdentifier.ES256),
                            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                                    COSEAlgorithmIdentifier.RS256)), true, true));
        } catch (RuntimeException e) { // VerificationException, or data that does not decode (of any kind)
            registrationsRefused.incrementAndGet();
            throw refusal(e);
        }
        var attested = verified.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        String id = base64Url(attested.getCredentialId());
        List<String> transports = credential.asJsonObject().getJsonObject("response") == null ? List.of()
                : strings(credential.asJsonObject().getJsonObject("response").get("transports"));
        String attachment = credential.asJsonObject().getString("authenticatorAttachment", null);
        int order = ledger.of(caller.sub()).size() + 1;
        Passkey passkey = new Passkey(id, caller.sub(), caller.username(), "Passkey " + order, relyingPartyId,
                attachment, transports, Instant.now(), new CredentialRecordImpl(verified.getAttestationObject(),
                        verified.getCollectedClientData(), verified.getClientExtensions(), verified.getTransports()));
        if (!ledger.add(passkey)) {
            registrationsRefused.incrementAndGet();
            throw new CognitoRefusal("WebAuthnCredentialNotSupportedException", "Credential already registered.");
        }
        registrationsAccepted.incrementAndGet();
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    private static CognitoRefusal refusal(RuntimeException e) {
        if (e instanceof BadChallengeException) {
            return new CognitoRefusal("WebAuthnChallengeNotFoundException", "Challenge not found or expired.");
        }
        if (e instanceof BadOriginException) {
            return new CognitoRefusal("WebAuthnOriginNotAllowedException", "Origin not allowed.");
        }
        if (e instanceof BadRpIdException) {
            return new CognitoRefusal("WebAuthnRelyingPartyMismatchException", "Relying party ID mismatch.");
        }
        if (e instanceof VerificationException) {
            return new CognitoRefusal("WebAuthnCredentialNotSupportedException", "Credential not supported.");
        }
        return new CognitoRefusal("InvalidParameterException", "Invalid credential.");
    }

    private byte[] list(JsonObject request) throws CognitoRefusal {
        Caller caller = caller(request);
        int size = request.containsKey("MaxResults") && !request.isNull("MaxResults")
                ? request.getInt("MaxResults") : DEFAULT_PAGE;
        if (size < 1 || size > MAX_PAGE) {
            throw new CognitoRefusal("InvalidParameterException", "1 validation error detected: Value at "
                    + "'maxResults' failed to satisfy constraint: Member must have value between 1 and 20");
        }
        int offset = 0;
        String token = request.getString("NextToken", null);
        if (token != null) {
            PageToken page = pageTokens.remove(token);
            if (page == null || !page.sub().equals(caller.sub())) {
                throw new CognitoRefusal("InvalidParameterException", "Invalid NextToken.");
            }
            offset = page.offset();
        }
        List<Passkey> all = ledger.of(caller.sub());
        JsonArrayBuilder credentials = Json.createArrayBuilder();
        all.stream().skip(offset).limit(size).forEach(p -> credentials.add(description(p)));
        var answer = Json.createObjectBuilder().add("Credentials", credentials);
        if (offset + size < all.size()) {
            String next = base64Url(randomBytes(24));
            pageTokens.put(next, new PageToken(caller.sub(), offset + size));
            answer.add("NextToken", next);
        }
        return answer.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject description(Passkey passkey) {
        var description = Json.createObjectBuilder().add("CredentialId", passkey.credentialId())
                .add("FriendlyCredentialName", passkey.friendlyName())
                .add("RelyingPartyId", passkey.relyingPartyId())
                .add("AuthenticatorTransports", Json.createArrayBuilder(passkey.transports()))
                .add("CreatedAt", passkey.createdAt().getEpochSecond()); // Cognito: epoch seconds, a number
        if (passkey.attachment() != null) {
            description.add("AuthenticatorAttachment", passkey.attachment());
        }
        return description.build();
    }

    private byte[] delete(JsonObject request) throws CognitoRefusal {
        Caller caller = caller(request);
        String id = request.getString("CredentialId", "");
        if (id.isEmpty()) {
            throw new CognitoRefusal("InvalidParameterException", "Missing required parameter CredentialId");
        }
        if (!ledger.remove(caller.sub(), id)) {
            throw new CognitoRefusal("ResourceNotFoundException", "Credential not found.");
        }
        return "{}".getBytes(StandardCharsets.UTF_8);
    }

    /** The user whose access token {@code request} carries, if Cognito would take it. */
    private Caller caller(JsonObject request) throws CognitoRefusal {
        String token = request.getString("AccessToken", "");
        if (token.isEmpty()) {
            throw new CognitoRefusal("InvalidParameterException", "Missing required parameter AccessToken");
        }
        try {
            JWTClaimsSet claims = accessTokens.process(token, null);
            String username = claims.getStringClaim("username");
            return new Caller(claims.getSubject(), username != null ? username
                    : claims.getStringClaim("cognito:username"));
        } catch (Exception e) { // ParseException, BadJOSEException, JOSEException: all a token Cognito refuses
            throw new CognitoRefusal("NotAuthorizedException", "Invalid Access Token");
        }
    }

    /** The emulator's answer to {@code body}, sent to it as operation {@code target}. */
    CognitoWire.Relayed relay(String target, byte[] body) throws IOException, InterruptedException {
        return CognitoWire.relay(emulator.endpoint(), "POST", URI.create("/"), target, body);
    }

    byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<String> strings(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return value.asJsonArray().stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((JsonString) v).getString()).toList();
    }

    static JsonObject json(byte[] body) throws CognitoRefusal {
        try {
            return CognitoWire.json(body);
        } catch (RuntimeException e) {
            throw new CognitoRefusal("SerializationException", "Malformed request body");
        }
    }
}
