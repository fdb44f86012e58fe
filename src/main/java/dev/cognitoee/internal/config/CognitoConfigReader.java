package dev.cognitoee.internal.config;

import static dev.cognitoee.internal.config.Setting.ALLOWED_ORIGINS;
import static dev.cognitoee.internal.config.Setting.ALLOW_GUEST_ACCESS;
import static dev.cognitoee.internal.config.Setting.CALLER_NAME_CLAIM;
import static dev.cognitoee.internal.config.Setting.CLIENT_ID;
import static dev.cognitoee.internal.config.Setting.CLIENT_SECRET;
import static dev.cognitoee.internal.config.Setting.CLOCK_SKEW;
import static dev.cognitoee.internal.config.Setting.CONNECT_TIMEOUT;
import static dev.cognitoee.internal.config.Setting.ENDPOINT;
import static dev.cognitoee.internal.config.Setting.ERROR_PAGE;
import static dev.cognitoee.internal.config.Setting.GROUPS_CLAIM;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_DOMAIN;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_ENDPOINT;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_IDENTITY_PROVIDER;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_IDP_IDENTIFIER;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_LANG;
import static dev.cognitoee.internal.config.Setting.HOSTED_UI_PROMPT;
import static dev.cognitoee.internal.config.Setting.IDENTITY_ENDPOINT;
import static dev.cognitoee.internal.config.Setting.IDENTITY_POOL_ID;
import static dev.cognitoee.internal.config.Setting.ISSUER;
import static dev.cognitoee.internal.config.Setting.JWKS_URI;
import static dev.cognitoee.internal.config.Setting.LOGIN_PAGE;
import static dev.cognitoee.internal.config.Setting.LOGOUT_URI;
import static dev.cognitoee.internal.config.Setting.MAX_CONCURRENT_SIGN_INS;
import static dev.cognitoee.internal.config.Setting.READ_TIMEOUT;
import static dev.cognitoee.internal.config.Setting.REDIRECT_URI;
import static dev.cognitoee.internal.config.Setting.REFRESH_AHEAD;
import static dev.cognitoee.internal.config.Setting.REGION;
import static dev.cognitoee.internal.config.Setting.REVOCATION_CACHE_TIME;
import static dev.cognitoee.internal.config.Setting.REVOCATION_CHECK;
import static dev.cognitoee.internal.config.Setting.SCOPES;
import static dev.cognitoee.internal.config.Setting.SESSION_COOKIE_SAME_SITE;
import static dev.cognitoee.internal.config.Setting.SESSION_ENCRYPTION_KEY;
import static dev.cognitoee.internal.config.Setting.SIGN_IN;
import static dev.cognitoee.internal.config.Setting.SIGN_IN_AUTH_FLOW;
import static dev.cognitoee.internal.config.Setting.TOKEN_CACHE_SIZE;
import static dev.cognitoee.internal.config.Setting.TOKEN_USE;
import static dev.cognitoee.internal.config.Setting.USER_POOL_ID;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link CognitoConfig} from the settings (MicroProfile Config first, then the annotation): each value is
 * read and checked by its {@link Setting}, and the defaults that depend on other settings are derived here. All
 * problems are collected before failing, so that one failed deployment names every key to fix.
 */
public final class CognitoConfigReader {

    private final Function<String, Optional<String>> settings;
    private final List<String> problems = new ArrayList<>();

    private CognitoConfigReader(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /**
     * Reads and validates the configuration.
     *
     * @param settings the raw value of each key, if set anywhere (blank counts as unset)
     * @return the configuration
     * @throws InvalidConfigurationException listing every missing or malformed key
     */
    public static CognitoConfig read(Function<String, Optional<String>> settings)
            throws InvalidConfigurationException {
        return read(settings, List.of());
    }

    /**
     * Reads and validates the configuration, with the issuers trusted besides the default pool
     * ({@code cognito.pools}, {@code cognito.oidc-issuers}).
     *
     * @param settings the raw value of each key, if set anywhere (blank counts as unset)
     * @param keyNames every key MicroProfile Config has, to refuse per-pool keys of unlisted names and typos
     * @return the configuration
     * @throws InvalidConfigurationException listing every missing or malformed key
     */
    public static CognitoConfig read(Function<String, Optional<String>> settings, Iterable<String> keyNames)
            throws InvalidConfigurationException {
        return new CognitoConfigReader(settings).read(keyNames);
    }

    private CognitoConfig read(Iterable<String> keyNames) throws InvalidConfigurationException {
        String userPoolId = get(USER_POOL_ID);
        String region = region(userPoolId);
        List<String> clientIds = Optional.ofNullable(get(CLIENT_ID)).orElse(List.of());
        TokenUse tokenUse = get(TOKEN_USE);
        String issuer = raw(ISSUER).isPresent() ? get(ISSUER)
                : "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        URI jwksUri = raw(JWKS_URI).isPresent() || issuer == null ? get(JWKS_URI)
                : parse(JWKS_URI, issuer + "/.well-known/jwks.json");
        String loginPage = get(LOGIN_PAGE);
        String errorPage = raw(ERROR_PAGE).isPresent() ? get(ERROR_PAGE) : loginPage;
        String callerNameClaim = Optional.ofNullable(get(CALLER_NAME_CLAIM))
                .orElse(tokenUse == TokenUse.ID ? "cognito:username" : "username");
        String clientSecret = get(CLIENT_SECRET);
        URI endpoint = get(ENDPOINT);
        String identityPoolId = get(IDENTITY_POOL_ID);
        URI identityEndpoint = get(IDENTITY_ENDPOINT);
        boolean allowGuestAccess = get(ALLOW_GUEST_ACCESS);
        Duration clockSkew = get(CLOCK_SKEW);
        String groupsClaim = get(GROUPS_CLAIM);
        Duration refreshAhead = get(REFRESH_AHEAD);
        Duration connectTimeout = get(CONNECT_TIMEOUT);
        Duration readTimeout = get(READ_TIMEOUT);
        int tokenCacheSize = get(TOKEN_CACHE_SIZE);
        List<String> allowedOrigins = Optional.ofNullable(get(ALLOWED_ORIGINS)).orElse(List.of());
        int maxConcurrentSignIns = get(MAX_CONCURRENT_SIGN_INS);
        SignInAuthFlow signInAuthFlow = get(SIGN_IN_AUTH_FLOW);
        RevocationCheck revocationCheck = revocationCheck(tokenUse);
        Duration revocationCacheTime = get(REVOCATION_CACHE_TIME);
        SameSite sessionCookieSameSite = get(SESSION_COOKIE_SAME_SITE);
        SessionEncryptionKeys sessionEncryptionKeys = get(SESSION_ENCRYPTION_KEY);
        SignIn signIn = get(SIGN_IN);
        HostedUi hostedUi = hostedUi(region, signIn, sessionCookieSameSite);
        List<TrustedIssuer> otherIssuers = TrustedIssuersReader.read(settings, keyNames, issuer, problems);

        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }

        return new CognitoConfig(region, userPoolId, clientIds, clientSecret, endpoint,
                identityPoolId, identityEndpoint, allowGuestAccess, issuer, jwksUri, tokenUse, clockSkew, groupsClaim,
                callerNameClaim, loginPage, errorPage, refreshAhead, connectTimeout, readTimeout, tokenCacheSize,
                allowedOrigins, maxConcurrentSignIns, signInAuthFlow, revocationCheck, revocationCacheTime,
                sessionCookieSameSite, sessionEncryptionKeys, signIn, hostedUi, otherIssuers);
    }

    /** The configured region, checked against the pool id's prefix, which is the default. */
    private String region(String userPoolId) {
        Optional<String> poolRegion = Optional.ofNullable(userPoolId)
                .map(id -> id.substring(0, id.indexOf('_')))
                .filter(prefix -> Setting.REGION_PATTERN.matcher(prefix).matches());
        if (raw(REGION).isEmpty()) {
            if (poolRegion.isEmpty() && userPoolId != null) {
                problems.add(missing(REGION) + " (it cannot be read from the user pool id '" + userPoolId + "')");
            }
            return poolRegion.orElse(null);
        }
        String region = get(REGION);
        if (region != null && poolRegion.isPresent() && !poolRegion.get().equals(region)) {
            problems.add(REGION.key() + " '" + region + "' does not match the region of " + USER_POOL_ID.key()
                    + " '" + userPoolId + "'");
        }
        return region;
    }

    /**
     * The hosted UI, when a domain or an endpoint names one (null otherwise): with it a callback URL is required,
     * the scopes must ask for {@code openid}, and the session cookie must reach the callback, which a browser
     * arrives at from Cognito's site ({@code SameSite=Strict} would leave it behind).
     */
    private HostedUi hostedUi(String region, SignIn signIn, SameSite sameSite) {
        String domain = get(HOSTED_UI_DOMAIN);
        URI endpoint = get(HOSTED_UI_ENDPOINT);
        URI redirectUri = get(REDIRECT_URI);
        List<String> scopes = get(SCOPES);
        URI logoutUri = get(LOGOUT_URI);
        String identityProvider = get(HOSTED_UI_IDENTITY_PROVIDER);
        String idpIdentifier = get(HOSTED_UI_IDP_IDENTIFIER);
        String lang = get(HOSTED_UI_LANG);
        String prompt = get(HOSTED_UI_PROMPT);
        boolean named = raw(HOSTED_UI_DOMAIN).isPresent() || raw(HOSTED_UI_ENDPOINT).isPresent();
        if (!named) {
            if (signIn == SignIn.HOSTED_UI) {
                problems.add(missing(HOSTED_UI_DOMAIN) + " (" + SIGN_IN.key() + " is 'hosted-ui'; "
                        + HOSTED_UI_ENDPOINT.key() + " may name an emulator instead)");
            }
            return null;
        }
        if (raw(REDIRECT_URI).isEmpty()) {
            problems.add(missing(REDIRECT_URI) + " (the hosted UI needs the callback URL registered on the app "
                    + "client)");
        }
        if (scopes != null && !scopes.contains("openid")) {
            problems.add(SCOPES.key() + " '" + String.join(" ", scopes) + "' must include openid (the id token "
                    + "carries the nonce that ties the sign-in to this browser)");
        }
        if (sameSite == SameSite.STRICT) {
            problems.add(SESSION_COOKIE_SAME_SITE.key() + " 'Strict' keeps the session cookie off the hosted UI's "
                    + "callback (the browser comes from Cognito's site): use Lax with a hosted UI");
        }
        URI base = endpoint != null ? endpoint : domain != null && region != null ? HostedUi.baseOf(domain, region)
                : null;
        if (base == null || redirectUri == null || scopes == null) {
            return null; // a problem is recorded already
        }
        return new HostedUi(base, redirectUri, scopes, logoutUri, identityProvider, idpIdentifier, lang, prompt);
    }

    private RevocationCheck revocationCheck(TokenUse tokenUse) {
        RevocationCheck check = get(REVOCATION_CHECK);
        // GetUser takes access tokens only: an id token cannot be put to Cognito.
        if (check == RevocationCheck.COGNITO && tokenUse == TokenUse.ID) {
            problems.add(REVOCATION_CHECK.key() + " 'cognito' asks Cognito's GetUser, which takes access tokens "
                    + "only: it needs " + TOKEN_USE.key() + "=access (it is 'id'); use 'local' with id tokens");
        }
        return check;
    }

    /**
     * The value of {@code setting}: as configured when it is set and well-formed, else its default (null when it
     * has none). A missing required setting and a malformed value are recorded as problems.
     */
    private <T> T get(Setting<T> setting) {
        Optional<String> raw = raw(setting);
        if (raw.isEmpty()) {
            if (setting.required()) {
                problems.add(missing(setting));
            }
            return setting.defaultValue();
        }
        T value = parse(setting, raw.get());
        return value != null ? value : setting.defaultValue();
    }

    /** {@code raw} read as a value of {@code setting}; a malformed part is recorded as a problem naming its key. */
    private <T> T parse(Setting<T> setting, String raw) {
        return setting.parser().parse(raw, (part, reason) ->
                problems.add(setting.key() + " '" + part + "' " + reason));
    }

    private static String missing(Setting<?> setting) {
        return setting.key() + " is missing: set it in MicroProfile Config or in "
                + "@CognitoAuthenticationMechanismDefinition(" + setting.attribute() + ")";
    }

    private Optional<String> raw(Setting<?> setting) {
        return settings.apply(setting.key()).map(String::trim).filter(v -> !v.isEmpty());
    }
}
