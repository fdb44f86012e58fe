package dev.cognitoee.it.support;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A <b>stand-in</b> in front of the emulator for the two app-client rules of Cognito's {@code InitiateAuth} that
 * cognito-local 5.3.0 stores but does not enforce: the client secret (SECRET_HASH) and the allowed authentication
 * flows ({@code ExplicitAuthFlows}). Every request goes on to the emulator unchanged, except an {@code InitiateAuth}
 * that breaks one of those rules, which is answered as Cognito answers it (HTTP 400, AWS JSON 1.1 error):
 * <ul>
 *   <li>the client has a secret and no SECRET_HASH came: {@code NotAuthorizedException} "Client &lt;id&gt; is
 *   configured with secret but SECRET_HASH was not received";</li>
 *   <li>a SECRET_HASH that is not Base64(HMAC-SHA256(secret, username + client id)): {@code NotAuthorizedException}
 *   "Unable to verify secret hash for client &lt;id&gt;";</li>
 *   <li>a flow the client does not allow: {@code InvalidParameterException} "USER_PASSWORD_AUTH flow not enabled for
 *   this client" (Cognito's default flows, for a client created without any, exclude USER_PASSWORD_AUTH).</li>
 * </ul>
 * The app client's secret and flows are read from the emulator ({@code DescribeUserPoolClient}). The stand-in never
 * logs a request body.
 */
public final class AppClientRulesStandIn implements AutoCloseable {

    private static final String INITIATE_AUTH = CognitoWire.SERVICE + "InitiateAuth";

    private final CognitoLocal emulator;
    private final AppClientRules clientRules;
    private final StandInServer server;

    private AppClientRulesStandIn(CognitoLocal emulator, String poolId) {
        this.emulator = emulator;
        this.clientRules = new AppClientRules(emulator, poolId);
        this.server = StandInServer.start(this::handle);
    }

    /** Starts the stand-in in front of {@code emulator}, for the app clients of {@code poolId}. */
    public static AppClientRulesStandIn start(CognitoLocal emulator, String poolId) {
        return new AppClientRulesStandIn(emulator, poolId);
    }

    /** The endpoint to give the module as {@code cognito.endpoint}. */
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange, CognitoWire.Call call) throws IOException {
        Optional<byte[]> refusal = INITIATE_AUTH.equals(call.target()) ? refusal(call.json()) : Optional.empty();
        if (refusal.isPresent()) {
            CognitoWire.send(exchange, 400, refusal.get());
            return;
        }
        CognitoWire.relay(emulator.endpoint(), exchange, call.body());
    }

    /** Cognito's answer to an InitiateAuth that breaks the app client's rules, if it does. */
    private Optional<byte[]> refusal(JsonObject request) {
        // An unknown client is left to the emulator, which answers it itself.
        Optional<UserPoolClientType> client = clientRules.find(request.getString("ClientId", ""));
        if (client.isEmpty()) {
            return Optional.empty();
        }
        JsonObject parameters = request.getJsonObject("AuthParameters");
        try {
            AppClientRules.check(client.get(), request.getString("AuthFlow", ""),
                    parameters == null ? "" : parameters.getString("USERNAME", ""),
                    parameters == null ? null : parameters.getString("SECRET_HASH", null));
            return Optional.empty();
        } catch (CognitoRefusal refusal) {
            return Optional.of(refusal.body());
        }
    }
}
