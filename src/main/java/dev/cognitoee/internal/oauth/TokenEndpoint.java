package dev.cognitoee.internal.oauth;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.HostedUi;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.metrics.Metrics;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The client of Cognito's {@code /oauth2/token} for the authorization code grant: a form post with the code, the
 * callback URL and the PKCE verifier, authenticated with HTTP Basic when the app client has a secret, and bounded by
 * the module's connect and read timeouts.
 *
 * <p>Cognito's OAuth errors become typed failures: {@code invalid_grant} (a used, expired or foreign code, a wrong
 * verifier) is {@link AuthError#INVALID_GRANT}; {@code invalid_client} and the like, which mean the app client is
 * set up differently from this configuration, are {@link AuthError#IDENTITY_PROVIDER_ERROR} and logged for the
 * operator. A network failure, a timeout, 429 or 5xx is {@link AuthError#SERVICE_UNAVAILABLE}.
 */
final class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    private static final int MAX_ERROR_LENGTH = 64;

    private final HostedUi ui;
    private final CognitoConfig config;
    private final HttpClient http;

    TokenEndpoint(CognitoConfig config) {
        this.config = config;
        this.ui = config.hostedUi();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // one form post: no h2c upgrade attempt on plain http
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Exchanges {@code code} for tokens. */
    CodeTokens exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", config.signInClientId());
        form.put("code", code);
        form.put("redirect_uri", ui.redirectUri().toString());
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(HostedUiUrls.token(ui))
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HostedUiUrls.form(form), StandardCharsets.UTF_8));
        if (config.clientSecret() != null) {
            request.header("Authorization", basic(config.signInClientId(), config.clientSecret()));
        }
        HttpResponse<String> response = null;
        long started = System.nanoTime();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("the token endpoint cannot be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while exchanging the code", e);
        } finally {
            Metrics.COGNITO_CALLS.record(Metrics.TOKEN_ENDPOINT, System.nanoTime() - started,
                    response == null || response.statusCode() != 200);
        }
        return tokens(response);
    }

    private static CodeTokens tokens(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw unavailable("the token endpoint answered " + status, null);
        }
        JsonObject body = json(response.body());
        if (status != 200) {
            String error = errorCode(body);
            AuthError type = "invalid_grant".equals(error) ? AuthError.INVALID_GRANT : AuthError.IDENTITY_PROVIDER_ERROR;
            if (type != AuthError.INVALID_GRANT) {
                LogMessage.HOSTED_UI_CODE_REFUSED.log(LOG, "The token endpoint refused the code exchange with {0} "
                        + "({1}): check the app client''s secret, OAuth flows and callback URL", error, status);
            }
            throw new CognitoAuthException(type, error, "The token endpoint refused the code (" + error + ")", null);
        }
        String access = string(body, "access_token");
        String id = string(body, "id_token");
        if (access == null || id == null) {
            throw new CognitoAuthException(AuthError.INVALID_TOKEN, null,
                    "The token endpoint returned no " + (access == null ? "access" : "id") + " token", null);
        }
        return new CodeTokens(access, id, string(body, "refresh_token"));
    }

    /** The OAuth {@code error}, if it is a plain code (it is logged and put in events, so nothing else is kept). */
    private static String errorCode(JsonObject body) {
        String error = body == null ? null : string(body, "error");
        return error != null && error.length() <= MAX_ERROR_LENGTH && error.matches("[a-z_]+") ? error : "unknown";
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = JsonFactories.reader(body)) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null; // not JSON: treated as an error without a code
        }
    }

    private static String string(JsonObject body, String name) {
        if (body == null) {
            return null;
        }
        JsonValue value = body.get(name);
        return value instanceof JsonString text && !text.getString().isEmpty() ? text.getString() : null;
    }

    /** RFC 6749 2.3.1: HTTP Basic with the form-encoded client id and secret. */
    private static String basic(String clientId, String secret) {
        String pair = HostedUiUrls.encode(clientId) + ":" + HostedUiUrls.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static CognitoAuthException unavailable(String reason, Throwable cause) {
        return new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null, "Cognito's hosted UI: " + reason, cause);
    }
}
