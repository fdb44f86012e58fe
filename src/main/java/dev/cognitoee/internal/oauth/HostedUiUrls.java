package dev.cognitoee.internal.oauth;

import dev.cognitoee.internal.config.HostedUi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The URLs of Cognito's hosted UI the module sends browsers to, and its token endpoint. */
final class HostedUiUrls {

    private HostedUiUrls() {
    }

    /**
     * {@code /oauth2/authorize} for {@code pending}: the code flow with PKCE S256, {@code state} and {@code nonce}.
     *
     * @param provider the {@code identity_provider} to go straight to, or null for the configured default (an
     *                 {@code idp_identifier} default applies only when no provider is named)
     */
    static URI authorize(HostedUi ui, String clientId, PendingRedirect pending, String codeChallenge,
                         String provider) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", ui.redirectUri().toString());
        query.put("scope", String.join(" ", ui.scopes()));
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        if (provider != null) {
            query.put("identity_provider", provider);
        } else if (ui.identityProvider() != null) {
            query.put("identity_provider", ui.identityProvider());
        } else if (ui.idpIdentifier() != null) {
            query.put("idp_identifier", ui.idpIdentifier());
        }
        putIfSet(query, "lang", ui.lang());
        putIfSet(query, "prompt", ui.prompt());
        return URI.create(base(ui) + "/oauth2/authorize?" + form(query));
    }

    /**
     * Cognito's {@code /logout}, which ends its own session and sends the browser to {@code logout_uri}. Cognito's
     * parameters ({@code client_id}, {@code logout_uri}), not OpenID Connect's RP-initiated logout ones.
     */
    static URI logout(HostedUi ui, String clientId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("logout_uri", ui.logoutUri().toString());
        return URI.create(base(ui) + "/logout?" + form(query));
    }

    /** {@code /oauth2/token}. */
    static URI token(HostedUi ui) {
        return URI.create(base(ui) + "/oauth2/token");
    }

    /** {@code application/x-www-form-urlencoded}, spaces as {@code %20} (valid in a query and in a form body). */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One form-encoded value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void putIfSet(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String base(HostedUi ui) {
        String base = ui.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
