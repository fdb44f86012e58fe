package dev.cognitoee.internal.config;

import java.net.URI;
import java.util.List;

/**
 * The settings of sign-in through Cognito's hosted UI (managed login) for the module's sign-in app client.
 *
 * @param baseUri          where {@code /oauth2/authorize}, {@code /oauth2/token} and {@code /logout} are served:
 *                         the prefix or custom domain, or {@code cognito.hosted-ui.endpoint}
 * @param redirectUri      the callback registered on the app client, served by the module at its path
 * @param scopes           the scopes asked for; always with {@code openid}
 * @param logoutUri        where Cognito's {@code /logout} sends the browser back to, or null (local sign-out only)
 * @param identityProvider default {@code identity_provider} (straight to a federated IdP), or null
 * @param idpIdentifier    default {@code idp_identifier}, or null
 * @param lang             default {@code lang} of the hosted pages, or null
 * @param prompt           default {@code prompt}, or null
 */
public record HostedUi(URI baseUri, URI redirectUri, List<String> scopes, URI logoutUri, String identityProvider,
                       String idpIdentifier, String lang, String prompt) {

    public HostedUi {
        scopes = List.copyOf(scopes);
    }

    /** The base URL of a prefix domain ({@code myapp}) or a custom domain ({@code auth.example.com}). */
    static URI baseOf(String domain, String region) {
        return URI.create(domain.contains(".") ? "https://" + domain
                : "https://" + domain + ".auth." + region + ".amazoncognito.com");
    }
}
