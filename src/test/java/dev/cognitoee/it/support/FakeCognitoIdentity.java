package dev.cognitoee.it.support;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toSet;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A <b>fake</b> of the Amazon Cognito Identity (identity pool) API for integration tests (no emulator exists): one
 * identity pool served on loopback, speaking the AWS JSON 1.1 wire protocol of {@code GetId} and
 * {@code GetCredentialsForIdentity} as the AWS SDK v2 sends it (unsigned). It verifies the {@code Logins} tokens for
 * real (RS256 signature against the provider's JWKS, issuer, audience, expiry) and issues fresh random session
 * credentials, which it remembers so that an S3 stand-in can check signatures. It counts every call per operation and
 * per identity, and can inject faults (a delay, throttling, a 500) into every answer. It never logs tokens or secrets.
 */
public final class FakeCognitoIdentity implements AutoCloseable {

    public static final String GET_ID = "GetId";
    public static final String GET_CREDENTIALS = "GetCredentialsForIdentity";
    private static final String TARGET_PREFIX = "AWSCognitoIdentityService.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String poolId;
    private final String region;
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Map<String, Set<Login>> identities = new LinkedHashMap<>(); // guarded by lock; empty set: guest
    private final Map<Login, String> identityByLogin = new HashMap<>(); // guarded by lock
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private volatile boolean allowUnauthenticated;
    private volatile Duration credentialsLifetime = Duration.ofHours(1);
    private volatile Duration delay = Duration.ZERO;
    private volatile Injected injected;

    /** An injected failure: every call is answered with this status and Cognito error type. */
    private record Injected(int status, String type) {}

    private record Login(String provider, String subject) {}

    private record Issued(String secretKey, String sessionToken, String identityId, Instant expiration) {}

    @FunctionalInterface
    private interface Provider {
        /** The subject of a valid {@code token}; throws a {@link Fault} otherwise. */
        String subjectOf(String token);
    }

    /** An error answered to the client as HTTP 400 {@code {"__type":..,"message":..}}. */
    private static final class Fault extends RuntimeException {
        final String type;
        Fault(String type, String message) { super(message, null, false, false); this.type = type; }
    }

    private FakeCognitoIdentity(String poolId, boolean allowUnauthenticated) throws IOException {
        int colon = poolId.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("An identity pool id looks like <region>:<uuid>: " + poolId);
        }
        this.poolId = poolId;
        this.region = poolId.substring(0, colon);
        this.allowUnauthenticated = allowUnauthenticated;
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts the fake on a free loopback port with one identity pool.
     *
     * @param identityPoolId the pool's id, {@code <region>:<uuid>}; identity ids get the same region prefix
     * @param allowUnauthenticated whether guests (GetId without Logins) are allowed
     */
    public static FakeCognitoIdentity start(String identityPoolId, boolean allowUnauthenticated) throws IOException {
        return new FakeCognitoIdentity(identityPoolId, allowUnauthenticated);
    }

    /** The URI to give the SDK as {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Allows or refuses guest (unauthenticated) identities from now on. */
    public void allowUnauthenticated(boolean allow) {
        allowUnauthenticated = allow;
    }

    /** The lifetime of credentials issued from now on (one hour by default). */
    public void credentialsLifetime(Duration lifetime) {
        credentialsLifetime = lifetime;
    }

    /**
     * Accepts Cognito user pool ID tokens under login key {@code providerKey} (such as
     * {@code cognito-idp.us-east-1.amazonaws.com/us-east-1_abc}): RS256-signed by a key of {@code jwksUri}, with this
     * {@code iss}, an {@code aud} among {@code clientIds}, {@code token_use} "id" and an {@code exp} in the future.
     */
    public void registerUserPool(String providerKey, String issuer, URI jwksUri, Set<String> clientIds) {
        providers.put(providerKey, jwtProvider(remoteKeys(jwksUri), issuer, Set.copyOf(clientIds), true));
    }

    /**
     * Accepts the id tokens of a user pool of the emulator, under the name the identity pool gives such a pool in
     * {@code Logins}: {@code cognito-idp.<region>.amazonaws.com/<pool id>}.
     */
    public void registerUserPool(CognitoLocal emulator, String poolId, Set<String> clientIds) {
        registerUserPool("cognito-idp." + CognitoLocal.REGION.id() + ".amazonaws.com/" + poolId,
                emulator.issuer(poolId), URI.create(emulator.jwksUri(poolId)), clientIds);
    }

    /**
     * Accepts OpenID Connect ID tokens (say {@code accounts.google.com}) signed by a key of {@code jwksUri}, as an
     * identity pool trusts an IAM OIDC provider: under the login key that is the provider's URL without
     * {@code https://}, which the token's {@code iss} must match; its {@code azp}, or without one its {@code aud},
     * must be {@code audience} (a client id registered with the provider); it must not have expired.
     *
     * @throws IllegalArgumentException when {@code providerKey} is not {@code issuer} without its scheme: the
     *                                  service knows an OIDC provider only by that name
     */
    public void registerOidcProvider(String providerKey, String issuer, URI jwksUri, String audience) {
        providers.put(oidcKey(providerKey, issuer), jwtProvider(remoteKeys(jwksUri), issuer, Set.of(audience), false));
    }

    /** Accepts OpenID Connect ID tokens signed by {@code key} (its public part is used); see the other overload. */
    public void registerOidcProvider(String providerKey, String issuer, RSAKey key, String audience) {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
        providers.put(oidcKey(providerKey, issuer), jwtProvider(keys, issuer, Set.of(audience), false));
    }

    private static String oidcKey(String providerKey, String issuer) {
        if (!issuer.equals(providerKey) && !issuer.equals("https://" + providerKey)) {
            throw new IllegalArgumentException("An identity pool names an OIDC provider by its issuer without"
                    + " https://: " + providerKey + " cannot be " + issuer);
        }
        return providerKey;
    }

    /** Accepts opaque tokens (say {@code graph.facebook.com}): a token is valid iff it is a key of the map. */
    public void registerStaticProvider(String providerKey, Map<String, String> tokenToSubject) {
        Map<String, String> known = Map.copyOf(tokenToSubject);
        providers.put(providerKey, token -> Optional.ofNullable(known.get(token))
                .orElseThrow(() -> notAuthorized("Invalid login token.")));
    }

    /** The secret key of issued credentials (expired ones included), for checking SigV4 signatures. */
    public Optional<String> secretFor(String accessKeyId) {
        return issued(accessKeyId).map(Issued::secretKey);
    }

    /** The identity that issued credentials were given to. */
    public Optional<String> identityOf(String accessKeyId) {
        return issued(accessKeyId).map(Issued::identityId);
    }

    /** The session token that came with issued credentials. */
    public Optional<String> sessionTokenFor(String accessKeyId) {
        return issued(accessKeyId).map(Issued::sessionToken);
    }

    /** When issued credentials expire (whole seconds, as the client was told). */
    public Optional<Instant> expirationOf(String accessKeyId) {
        return issued(accessKeyId).map(Issued::expiration);
    }

    /** The identity linked to user {@code subject} of login provider {@code providerKey}, if any. */
    public Optional<String> identityFor(String providerKey, String subject) {
        synchronized (lock) {
            return Optional.ofNullable(identityByLogin.get(new Login(providerKey, subject)));
        }
    }

    /** All identity ids created so far, oldest first. */
    public List<String> identities() {
        synchronized (lock) {
            return List.copyOf(identities.keySet());
        }
    }

    /** How many requests named {@code operation} (such as {@link #GET_ID}) arrived, failed ones included. */
    public int calls(String operation) {
        return count(operation);
    }

    /**
     * How many of the requests named {@code operation} were an SDK's retries (its {@code amz-sdk-request} header
     * says {@code attempt=2} or more), so that {@code calls(operation) - retries(operation)} counts the calls the
     * client meant to make.
     */
    public int retries(String operation) {
        return count(operation + " retry");
    }

    /**
     * How many requests named {@code operation} concerned {@code identityId}: GetId calls that returned it, and
     * GetCredentialsForIdentity calls that asked for it (refused ones included).
     */
    public int calls(String operation, String identityId) {
        return count(operation + " " + identityId);
    }

    /**
     * Fault injection: every call from now on is answered only after {@code answerDelay} (zero: at once), as a slow
     * or overloaded identity pool would. The call still counts when it arrives.
     */
    public void delay(Duration answerDelay) {
        delay = answerDelay;
    }

    /**
     * Fault injection: every call from now on is answered with HTTP {@code status} and the Cognito error
     * {@code errorType}, such as 400 {@code TooManyRequestsException} (throttling) or 500
     * {@code InternalErrorException}, with a message naming an internal host, which must not reach a client.
     */
    public void fail(int status, String errorType) {
        injected = new Injected(status, errorType);
    }

    /** Ends every injected fault: no delay, no failure. */
    public void heal() {
        delay = Duration.ZERO;
        injected = null;
    }

    /** Sets all call counters back to zero. */
    public void resetCalls() {
        counters.clear();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
            increment(operation);
            if (isRetry(exchange)) {
                increment(operation + " retry");
            }
            if (!pause()) {
                return; // closing: the client has gone or will time out
            }
            Injected failure = injected;
            int status = 200;
            JsonObject response;
            if (failure != null) {
                send(exchange, failure.status(), error(failure.type(),
                        "Injected fault on internal host ip-10-0-3-7.ec2.internal"));
                return;
            }
            try {
                JsonObject request = read(exchange);
                response = switch (operation) {
                    case GET_ID -> getId(request);
                    case GET_CREDENTIALS -> getCredentialsForIdentity(request);
                    default -> throw new Fault("UnknownOperationException", null);
                };
            } catch (Fault fault) {
                status = 400;
                response = error(fault.type, fault.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                response = error("InternalErrorException", "The fake failed: " + e.getClass().getSimpleName());
            }
            send(exchange, status, response);
        }
    }

    private static boolean isRetry(HttpExchange exchange) {
        String attempt = Optional.ofNullable(exchange.getRequestHeaders().getFirst("amz-sdk-request")).orElse("");
        return attempt.contains("attempt=") && !attempt.contains("attempt=1;") && !attempt.endsWith("attempt=1");
    }

    /** Waits the injected delay; false when interrupted (the fake is closing). */
    private boolean pause() {
        Duration wait = delay;
        if (wait.isZero()) {
            return true;
        }
        try {
            Thread.sleep(wait.toMillis()); // the fault itself: an identity pool that answers late
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonObject getId(JsonObject request) {
        String requestedPool = required(request, "IdentityPoolId");
        if (!requestedPool.equals(poolId)) {
            throw new Fault("ResourceNotFoundException", "IdentityPool '" + requestedPool + "' not found.");
        }
        Set<Login> logins = verifiedLogins(request);
        String identityId;
        synchronized (lock) {
            identityId = identityForLogins(logins);
        }
        increment(GET_ID + " " + identityId);
        return Json.createObjectBuilder().add("IdentityId", identityId).build();
    }

    private JsonObject getCredentialsForIdentity(JsonObject request) {
        String identityId = required(request, "IdentityId");
        increment(GET_CREDENTIALS + " " + identityId);
        Set<Login> logins = verifiedLogins(request);
        synchronized (lock) {
            Set<Login> linked = identities.get(identityId);
            if (linked == null) {
                throw new Fault("ResourceNotFoundException", "Identity '" + identityId + "' not found.");
            }
            boolean ownLogin = logins.stream().anyMatch(l -> identityId.equals(identityByLogin.get(l)));
            boolean foreignLogin = logins.stream()
                    .anyMatch(l -> identityByLogin.containsKey(l) && !identityId.equals(identityByLogin.get(l)));
            if (foreignLogin || (!linked.isEmpty() && !ownLogin)) {
                throw notAuthorized("Access to Identity '" + identityId + "' is forbidden.");
            }
            if (linked.isEmpty() && logins.isEmpty() && !allowUnauthenticated) {
                throw notAuthorized("Unauthenticated access is not supported for this identity pool.");
            }
            logins.forEach(login -> link(identityId, login)); // a guest becomes authenticated, as in Cognito
        }
        return Json.createObjectBuilder().add("IdentityId", identityId).add("Credentials", issue(identityId)).build();
    }

    /** The identity of these logins (all linked to it from now on), created if none has them; new if a guest. */
    private String identityForLogins(Set<Login> logins) {
        Set<String> existing = logins.stream().map(identityByLogin::get).filter(Objects::nonNull).collect(toSet());
        if (existing.size() > 1) {
            throw new Fault("ResourceConflictException", "Logins don't match. Please include at least one valid"
                    + " login for this identity or identity pool.");
        }
        if (logins.isEmpty() && !allowUnauthenticated) {
            throw notAuthorized("Unauthenticated access is not supported for this identity pool.");
        }
        String identityId = existing.isEmpty() ? region + ":" + UUID.randomUUID() : existing.iterator().next();
        identities.computeIfAbsent(identityId, id -> new LinkedHashSet<>());
        logins.forEach(login -> link(identityId, login));
        return identityId;
    }

    private void link(String identityId, Login login) {
        identities.get(identityId).add(login);
        identityByLogin.put(login, identityId);
    }

    private JsonObject issue(String identityId) {
        String accessKeyId = "ASIA" + random(KEY_ID_CHARS, 16);
        String secretKey = random(SECRET_CHARS, 40);
        String sessionToken = random(SECRET_CHARS, 256);
        Instant expiration = Instant.ofEpochSecond(Instant.now().plus(credentialsLifetime).getEpochSecond());
        issued.put(accessKeyId, new Issued(secretKey, sessionToken, identityId, expiration));
        return Json.createObjectBuilder()
                .add("AccessKeyId", accessKeyId)
                .add("SecretKey", secretKey)
                .add("SessionToken", sessionToken)
                .add("Expiration", expiration.getEpochSecond()) // a number: the SDK cannot parse an ISO string
                .build();
    }

    /** The (provider, subject) of each entry of {@code Logins}, each token verified; empty for a guest. */
    private Set<Login> verifiedLogins(JsonObject request) {
        JsonValue value = request.getOrDefault("Logins", JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return Set.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Fault("InvalidParameterException", "Logins must be a map.");
        }
        Set<Login> logins = new LinkedHashSet<>();
        for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
            Provider provider = providers.get(entry.getKey());
            if (provider == null) {
                throw notAuthorized("Invalid login token. Token is not from a supported provider of this identity pool.");
            }
            if (!(entry.getValue() instanceof JsonString token) || token.getString().isBlank()) {
                throw new Fault("InvalidParameterException", "Logins values must be non-empty strings.");
            }
            logins.add(new Login(entry.getKey(), provider.subjectOf(token.getString())));
        }
        return logins;
    }

    private static Provider jwtProvider(JWKSource<SecurityContext> keys, String issuer, Set<String> audiences,
            boolean idTokenOnly) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // checked below, with Cognito's messages
        return token -> {
            JWTClaimsSet claims;
            try {
                claims = processor.process(token, null);
            } catch (ParseException e) {
                throw notAuthorized("Invalid login token. Not a valid OpenId Connect identity token.");
            } catch (BadJOSEException | JOSEException e) {
                throw notAuthorized("Invalid login token. Couldn't verify signed token.");
            }
            long now = Instant.now().getEpochSecond();
            Date exp = claims.getExpirationTime();
            if (exp == null || exp.toInstant().getEpochSecond() <= now) {
                throw notAuthorized("Invalid login token. Token expired: " + now + " >= "
                        + (exp == null ? "(no exp)" : exp.toInstant().getEpochSecond()));
            }
            if (!issuer.equals(claims.getIssuer())) {
                throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
            }
            Object azp = claims.getClaim("azp"); // the service checks azp when present, else aud
            if (azp != null ? !audiences.contains(azp.toString())
                    : claims.getAudience().stream().noneMatch(audiences::contains)) {
                throw notAuthorized("Invalid login token. Incorrect token audience.");
            }
            if (idTokenOnly && !"id".equals(claims.getClaim("token_use"))) {
                throw notAuthorized("Invalid login token. Not an ID token.");
            }
            if (claims.getSubject() == null) {
                throw notAuthorized("Invalid login token. Missing a required claim: sub");
            }
            return claims.getSubject();
        };
    }

    private static JWKSource<SecurityContext> remoteKeys(URI jwksUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL())
                    .retrying(false).rateLimited(false).refreshAheadCache(false).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a JWKS URL: " + jwksUri, e);
        }
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new Fault("UnknownOperationException", null);
        }
        try {
            return Json.createReader(exchange.getRequestBody()).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Fault("SerializationException", "The request body is not a JSON object.");
        }
    }

    private static String required(JsonObject request, String field) {
        String value = request.getString(field, null);
        if (value == null || value.isEmpty()) {
            throw new Fault("InvalidParameterException", field + " is required.");
        }
        return value;
    }

    private static Fault notAuthorized(String message) {
        return new Fault("NotAuthorizedException", message);
    }

    private static JsonObject error(String type, String message) {
        var builder = Json.createObjectBuilder().add("__type", type);
        return message == null ? builder.build() : builder.add("message", message).build();
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Optional<Issued> issued(String accessKeyId) {
        return Optional.ofNullable(issued.get(accessKeyId));
    }

    private void increment(String key) {
        counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String key) {
        AtomicInteger counter = counters.get(key);
        return counter == null ? 0 : counter.get();
    }

    private static String random(String alphabet, int length) {
        return RANDOM.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(joining());
    }
}
