package dev.cognitoee.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A <b>stand-in</b> in front of the emulator for the two account calls cognito-local 5.3.0 lacks (it answers them
 * 500 {@code Unsupported}), speaking Cognito's wire protocol ({@code POST /}, {@code application/x-amz-json-1.1},
 * {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Op>}); every other call goes on to the emulator unchanged.
 * <ul>
 *   <li>{@code GlobalSignOut}: checks the access token as Cognito does (signature against the pool's JWKS, issuer,
 *   {@code token_use=access}, expiry, not revoked already: {@code NotAuthorizedException} otherwise), records the
 *   call, and revokes every token that it saw Cognito issue to that user (through this stand-in): from then on a
 *   {@code REFRESH_TOKEN_AUTH} with such a refresh token is refused with {@code NotAuthorizedException} "Refresh
 *   Token has been revoked", and any call with such an access token with "Access Token has been revoked", as
 *   Cognito does.</li>
 *   <li>{@code ResendConfirmationCode}: checks the app client (an unknown one: {@code ResourceNotFoundException};
 *   with a secret: SECRET_HASH), the user (unknown: {@code UserNotFoundException}; confirmed already:
 *   {@code InvalidParameterException} "User is already confirmed."), issues a new code and answers Cognito's
 *   {@code CodeDeliveryDetails} (email, masked). The new code replaces the one sent before: a later
 *   {@code ConfirmSignUp} of that user is checked here ({@code CodeMismatchException} for any other code, the old one
 *   included) and, with the right code, confirmed in the emulator ({@code AdminConfirmSignUp} with the request's
 *   ClientMetadata, which fires its PostConfirmation trigger).</li>
 * </ul>
 * What it does not do: fire the CustomMessage_ResendCode trigger (the emulator's triggers are its own), or revoke
 * tokens that did not pass through it. It never logs a request body.
 */
public final class AccountLifecycleStandIn implements AutoCloseable {

    /** A GlobalSignOut that Cognito would have accepted: whose access token it carried. */
    public record GlobalSignOutCall(String username, String subject, String clientId) {
    }

    /** A code "sent" by ResendConfirmationCode, with the call's ClientMetadata. */
    public record ResentCode(String username, String code, Map<String, String> clientMetadata) {
    }

    private final CognitoLocal emulator;
    private final String poolId;
    private final StandInServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IssuedTokens issued = new IssuedTokens();
    private final ResentSignUpCodes resentCodes;
    private final List<GlobalSignOutCall> globalSignOuts = new CopyOnWriteArrayList<>();

    private AccountLifecycleStandIn(CognitoLocal emulator, String poolId) {
        this.emulator = emulator;
        this.poolId = poolId;
        this.resentCodes = new ResentSignUpCodes(emulator, poolId);
        server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator}, for the pool {@code poolId}. */
    public static AccountLifecycleStandIn start(CognitoLocal emulator, String poolId) {
        return new AccountLifecycleStandIn(emulator, poolId);
    }

    /** The endpoint to give the module as {@code cognito.endpoint} (and SDK clients of the test). */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The GlobalSignOut calls accepted so far, in order. */
    public List<GlobalSignOutCall> globalSignOuts() {
        return List.copyOf(globalSignOuts);
    }

    /** The refresh tokens Cognito issued to {@code username} through this stand-in (sign-ins, not refreshes). */
    public Set<String> refreshTokensIssuedTo(String username) {
        return issued.refreshTokensOf(username);
    }

    /** The last code ResendConfirmationCode "sent" to {@code username} and not used yet, if any. */
    public Optional<ResentCode> resentCode(String username) {
        return resentCodes.pending(username);
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call) throws IOException, CognitoRefusal {
        JsonObject request = call.body().length == 0 ? JsonObject.EMPTY_JSON_OBJECT : call.json();
        refuseRevoked(request);
        switch (call.operation()) {
            case "GlobalSignOut" -> send(exchange, 200, globalSignOut(request));
            case "ResendConfirmationCode" -> send(exchange, 200, resentCodes.resend(request));
            case "ConfirmSignUp" -> {
                if (resentCodes.pendingFor(request.getString("Username", ""))) {
                    send(exchange, 200, resentCodes.confirm(request));
                } else {
                    relay(exchange, call);
                }
            }
            default -> relay(exchange, call);
        }
    }

    /** Cognito refuses a revoked token wherever it is sent: as AccessToken, or as a refresh token to InitiateAuth. */
    private void refuseRevoked(JsonObject request) throws CognitoRefusal {
        String accessToken = request.getString("AccessToken", null);
        if (issued.isRevoked(accessToken)) {
            throw new CognitoRefusal("NotAuthorizedException", "Access Token has been revoked");
        }
        JsonObject parameters = request.getJsonObject("AuthParameters");
        String refreshToken = parameters == null ? null : parameters.getString("REFRESH_TOKEN", null);
        if (issued.isRevoked(refreshToken)) {
            throw new CognitoRefusal("NotAuthorizedException", "Refresh Token has been revoked");
        }
    }

    private JsonObject globalSignOut(JsonObject request) throws CognitoRefusal {
        String accessToken = request.getString("AccessToken", null);
        if (accessToken == null || accessToken.isEmpty()) {
            throw new CognitoRefusal("InvalidParameterException",
                    "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        JWTClaimsSet claims = verifiedAccessToken(accessToken);
        String subject = claims.getSubject();
        globalSignOuts.add(new GlobalSignOutCall(String.valueOf(claims.getClaim("username")), subject,
                String.valueOf(claims.getClaim("client_id"))));
        issued.revokeAll(subject, accessToken);
        return JsonObject.EMPTY_JSON_OBJECT;
    }

    /** The claims of an access token of this pool that Cognito would accept, or its refusal. */
    private JWTClaimsSet verifiedAccessToken(String token) throws CognitoRefusal {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(emulator.jwksUri(poolId)))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (key == null || !jwt.verify(new RSASSAVerifier(key))
                    || !emulator.issuer(poolId).equals(claims.getIssuer())
                    || !"access".equals(claims.getClaim("token_use"))
                    || claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
                throw new CognitoRefusal("NotAuthorizedException", "Invalid Access Token");
            }
            return claims;
        } catch (ParseException | JOSEException | IOException e) {
            throw new CognitoRefusal("NotAuthorizedException", "Invalid Access Token");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CognitoRefusal("InternalErrorException", "interrupted");
        }
    }

    /** Relays the call to the emulator, noting the tokens of its answer. */
    private void relay(HttpExchange exchange, CognitoWire.Call call) throws IOException {
        try {
            CognitoWire.Relayed answer = CognitoWire.relay(emulator.endpoint(), exchange.getRequestMethod(),
                    exchange.getRequestURI(), call.target(), call.body());
            if (answer.status() == 200) {
                issued.remember(answer.body());
            }
            CognitoWire.send(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CognitoWire.send(exchange, 500, CognitoWire.error("InternalErrorException", "interrupted"));
        }
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        CognitoWire.send(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
