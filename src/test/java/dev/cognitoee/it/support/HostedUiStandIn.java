package dev.cognitoee.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A stand-in for the parts of Cognito's hosted UI that cognito-local 5.3.0 lacks, in front of the real emulator.
 * The emulator serves {@code /oauth2/authorize} (its HTML form, PKCE S256, the client's CallbackURLs) and
 * {@code /oauth2/token} (authorization_code, refresh_token), but knows no {@code nonce}, no {@code /logout}, and
 * ignores client authentication. This server, in the test JVM, proxies authorize (GET and the form's POST) and
 * token to the emulator and adds only what Cognito does there:
 * <ul>
 *   <li>the {@code nonce} of each authorization (remembered by its {@code code_challenge}, then by the code it
 *   produced) is put in the id token of the code exchange, which is re-signed with this stand-in's own RSA key; its
 *   public key is served beside the emulator's in {@code /jwks.json} (point {@code cognito.jwks-uri} there);</li>
 *   <li>HTTP Basic client authentication, checked as Cognito does when the app client has a secret (401
 *   {@code invalid_client} when missing or wrong);</li>
 *   <li>{@code /logout}: {@code client_id} must be a client of the pool and {@code logout_uri} one of its
 *   LogoutURLs, then 302 to it (otherwise 400);</li>
 *   <li>a test hook: {@link #issueWrongNonceOnce()}.</li>
 * </ul>
 * Start it with {@link #start(CognitoLocal, String)} (the demo too: {@code start(emulator, poolId).baseUri()}); its
 * {@link #baseUri()} is what {@code cognito.hosted-ui.endpoint} names, its {@link #jwksUri()} what
 * {@code cognito.jwks-uri} names; {@link #createAppClient} makes a client the hosted UI accepts.
 */
public final class HostedUiStandIn implements AutoCloseable {

    private static final String KEY_ID = "HostedUiStandIn";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CognitoLocal emulator;
    private final String poolId;
    private final RSAKey key;
    private final Map<String, String> nonceByChallenge = new ConcurrentHashMap<>();
    private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    private final AtomicBoolean wrongNonce = new AtomicBoolean();
    private final List<URI> logouts = new ArrayList<>();

    private HostedUiStandIn(CognitoLocal emulator, String poolId) throws IOException, JOSEException {
        this.emulator = emulator;
        this.poolId = poolId;
        this.key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/logout", this::logout);
        server.createContext("/jwks.json", this::jwks);
        server.setExecutor(executor);
        server.start();
    }

    /** A stand-in for the hosted UI of {@code poolId} of {@code emulator}, on a free loopback port. */
    public static HostedUiStandIn start(CognitoLocal emulator, String poolId) {
        try {
            return new HostedUiStandIn(emulator, poolId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates an app client of {@code poolId} set up for the hosted UI as a real one would be: the OAuth flow
     * {@code code}, the scopes {@code openid email profile aws.cognito.signin.user.admin}, the pool's own users,
     * these callback and sign-out URLs, refresh allowed.
     *
     * @param secret whether the client has a secret (the code exchange then authenticates with HTTP Basic)
     */
    public static UserPoolClientType createAppClient(CognitoLocal emulator, String poolId, String name,
                                                     boolean secret, List<String> callbackUrls,
                                                     List<String> signOutUrls) {
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            return cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName(name).generateSecret(secret)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                    .supportedIdentityProviders("COGNITO")
                    .allowedOAuthFlowsUserPoolClient(true)
                    .allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
                    .callbackURLs(callbackUrls)
                    .logoutURLs(signOutUrls)).userPoolClient();
        }
    }

    /** The hosted UI's base URL ({@code cognito.hosted-ui.endpoint}). */
    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The JWKS with the emulator's keys and this stand-in's ({@code cognito.jwks-uri}). */
    public String jwksUri() {
        return baseUri() + "/jwks.json";
    }

    /** The next code exchange returns an id token whose {@code nonce} is not the authorization's. */
    public void issueWrongNonceOnce() {
        wrongNonce.set(true);
    }

    /** The {@code /logout} requests accepted so far. */
    public List<URI> logouts() {
        synchronized (logouts) {
            return List.copyOf(logouts);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI target = URI.create(emulator.endpoint() + "/oauth2/authorize"
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            if ("GET".equals(exchange.getRequestMethod())) {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                if (query.containsKey("nonce") && query.containsKey("code_challenge")) {
                    nonceByChallenge.put(query.get("code_challenge"), query.get("nonce"));
                }
                relay(exchange, send(HttpRequest.newBuilder(target).GET()));
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            HttpResponse<String> response = send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            String nonce = nonceByChallenge.get(form(body).getOrDefault("code_challenge", ""));
            String code = response.headers().firstValue("Location").map(l -> form(URI.create(l).getRawQuery()))
                    .map(q -> q.get("code")).orElse(null);
            if (nonce != null && code != null) {
                nonceByCode.put(code, nonce);
            }
            relay(exchange, response);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = form(body);
            UserPoolClientType client = client(form.get("client_id"));
            if (client != null && client.clientSecret() != null
                    && !basicAuthenticates(exchange, client.clientId(), client.clientSecret())) {
                json(exchange, 401, Json.createObjectBuilder().add("error", "invalid_client").build());
                return;
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                    + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200 || !"authorization_code".equals(form.get("grant_type"))) {
                relay(exchange, response);
                return;
            }
            JsonObject tokens = Json.createReader(new StringReader(response.body())).readObject();
            String nonce = nonceByCode.remove(form.get("code"));
            if (wrongNonce.getAndSet(false)) {
                nonce = "not-the-nonce-of-this-sign-in";
            }
            JsonObjectBuilder rewritten = Json.createObjectBuilder(tokens)
                    .add("id_token", withNonce(tokens.getString("id_token"), nonce));
            json(exchange, 200, rewritten.build());
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            UserPoolClientType client = client(query.get("client_id"));
            String logoutUri = query.get("logout_uri");
            if (client == null || logoutUri == null || !client.logoutURLs().contains(logoutUri)) {
                byte[] text = "Invalid client_id or logout_uri".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            synchronized (logouts) {
                logouts.add(exchange.getRequestURI());
            }
            exchange.getResponseHeaders().set("Location", logoutUri);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            JWKSet emulatorKeys = JWKSet.parse(send(HttpRequest.newBuilder(URI.create(emulator.jwksUri(poolId)))
                    .GET()).body());
            List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(emulatorKeys.getKeys());
            keys.add(key.toPublicJWK());
            byte[] body = new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (ParseException e) {
            exchange.sendResponseHeaders(502, -1);
        }
    }

    /** The emulator's id token with {@code nonce} (when the authorization had one), signed by this stand-in. */
    private String withNonce(String idToken, String nonce) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(idToken).getJWTClaimsSet();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(claims);
            if (nonce != null) {
                builder.claim("nonce", nonce);
            }
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(),
                    builder.build());
            signed.sign(new RSASSASigner(key));
            return signed.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot re-sign the emulator's id token", e);
        }
    }

    private boolean basicAuthenticates(HttpExchange exchange, String clientId, String secret) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return pair.equals(clientId + ":" + secret);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The app client {@code clientId} of the pool, or null. */
    private UserPoolClientType client(String clientId) {
        if (clientId == null) {
            return null;
        }
        try (CognitoIdentityProviderClient cognito = emulator.client()) {
            return cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId)).userPoolClient();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<String> response) throws IOException {
        response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
        response.headers().firstValue("Location").ifPresent(v -> exchange.getResponseHeaders().set("Location", v));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A query string or form body, decoded; the first value of each name. */
    static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
