package dev.cognitoee.internal.config;

import static dev.cognitoee.internal.config.Values.bool;
import static dev.cognitoee.internal.config.Values.callbackUrl;
import static dev.cognitoee.internal.config.Values.httpUrl;
import static dev.cognitoee.internal.config.Values.keysUrl;
import static dev.cognitoee.internal.config.Values.list;
import static dev.cognitoee.internal.config.Values.matching;
import static dev.cognitoee.internal.config.Values.milliseconds;
import static dev.cognitoee.internal.config.Values.oneOf;
import static dev.cognitoee.internal.config.Values.origin;
import static dev.cognitoee.internal.config.Values.page;
import static dev.cognitoee.internal.config.Values.scopes;
import static dev.cognitoee.internal.config.Values.seconds;
import static dev.cognitoee.internal.config.Values.text;
import static dev.cognitoee.internal.config.Values.url;
import static dev.cognitoee.internal.config.Values.wholeNumber;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One setting of the module, described once: its MicroProfile Config key, the attribute of
 * {@link dev.cognitoee.CognitoAuthenticationMechanismDefinition} that also sets it, how its value is read and
 * checked, its default, and its documentation. {@link CognitoConfigReader}, the deployment's error messages and
 * the README's configuration table all come from these descriptors; other packages use them to name a key.
 *
 * @param <T> the type of the setting's value in {@link CognitoConfig}
 */
public final class Setting<T> {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    // The patterns of the Cognito API reference (UserPoolId, ClientId, IdentityPoolId) and of AWS region names.
    static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern USER_POOL_ID_PATTERN = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern CLIENT_ID_PATTERN = Pattern.compile("[\\w+]{1,128}");
    private static final Pattern IDENTITY_POOL_ID_PATTERN = Pattern.compile("[\\w-]+:[0-9a-f-]+");
    // A prefix domain (lower case, digits, hyphens) or a host name with dots.
    private static final Pattern DOMAIN_PATTERN =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*");
    private static final Pattern WORD_PATTERN = Pattern.compile("\\S{1,128}");
    private static final Pattern LANG_PATTERN = Pattern.compile("[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*");
    private static final Pattern PROMPT_PATTERN =
            Pattern.compile("(?:login|none|consent|select_account)(?: (?:login|none|consent|select_account))*");

    // In the order of the README's table.

    /** The user pool id. */
    public static final Setting<String> USER_POOL_ID = required("cognito.user-pool-id", "userPoolId",
            matching(USER_POOL_ID_PATTERN, "is not a user pool id (expected <region>_<id>, e.g. eu-west-1_AbC123)"),
            "e.g. `eu-west-1_AbC123`");
    /** The app client ids whose tokens are accepted. */
    public static final Setting<List<String>> CLIENT_ID = required("cognito.client-id", "clientId",
            list(matching(CLIENT_ID_PATTERN, "is not an app client id"), "lists no app client id"),
            "app client id(s) whose tokens are accepted, comma-separated; the first one signs users in");
    /** The app client's secret. */
    public static final Setting<String> CLIENT_SECRET = optional("cognito.client-secret", "clientSecret", text(),
            "none", "the app client's secret, if it has one: SECRET_HASH is then sent (prefer an environment "
                    + "variable, `COGNITO_CLIENT_SECRET`)");
    /** The Cognito API endpoint override. */
    public static final Setting<URI> ENDPOINT = optional("cognito.endpoint", "endpoint", url(),
            "the region's", "Cognito API endpoint override (an emulator, a VPC endpoint)");
    /** The identity pool id, which turns AWS credentials on. */
    public static final Setting<String> IDENTITY_POOL_ID = optional("cognito.identity-pool-id", "identityPoolId",
            matching(IDENTITY_POOL_ID_PATTERN, "is not an identity pool id (expected <region>:<uuid>)"),
            "none", "turns AWS credentials on ([docs/CREDENTIALS.md](docs/CREDENTIALS.md))");
    /** The Cognito Identity API endpoint override. */
    public static final Setting<URI> IDENTITY_ENDPOINT = optional("cognito.identity-endpoint", "identityEndpoint",
            url(), "the region's", "Cognito Identity API endpoint override");
    /** Whether callers who are not signed in get guest credentials. */
    public static final Setting<Boolean> ALLOW_GUEST_ACCESS = withDefault("cognito.allow-guest-access",
            "allowGuestAccess", bool(), "false", "guest credentials for callers who are not signed in");
    /** The AWS region of the pool. */
    public static final Setting<String> REGION = optional("cognito.region", "region",
            matching(REGION_PATTERN, "is not an AWS region name (e.g. eu-west-1)"),
            "the pool id's prefix", "AWS region of the pool; must match the pool id");
    /** The expected {@code iss} claim. */
    public static final Setting<String> ISSUER = optional("cognito.issuer", "issuer", httpUrl(),
            "`https://cognito-idp.<region>.amazonaws.com/<pool>`", "expected `iss`");
    /** Where the pool's signing keys are published. */
    public static final Setting<URI> JWKS_URI = optional("cognito.jwks-uri", "jwksUri", keysUrl(),
            "`<issuer>/.well-known/jwks.json`", "the pool's keys; https (http only for loopback)");
    /** Which token bearer requests carry. */
    public static final Setting<TokenUse> TOKEN_USE = withDefault("cognito.token-use", "tokenUse",
            oneOf(TokenUse::fromClaimValue, "must be 'access' or 'id'"), "access",
            "which token bearer requests carry: `access` or `id`");
    /** The tolerance on {@code exp}, {@code nbf}, {@code iat}. */
    public static final Setting<Duration> CLOCK_SKEW = withDefault("cognito.clock-skew", "clockSkew", seconds(0),
            "60", "seconds of tolerance on `exp`, `nbf`, `iat`");
    /** The claim whose values become roles. */
    public static final Setting<String> GROUPS_CLAIM = withDefault("cognito.groups-claim", "groupsClaim", text(),
            "cognito:groups", "claim whose values become roles");
    /** The claim naming the caller. */
    public static final Setting<String> CALLER_NAME_CLAIM = optional("cognito.caller-name-claim",
            "callerNameClaim", text(), "`username` (access), `cognito:username` (id)", "claim naming the caller");
    /** The application's sign-in page. */
    public static final Setting<String> LOGIN_PAGE = optional("cognito.login-page", "loginPage", page(), "none",
            "context-relative sign-in page; anonymous browsers asking for a page the servlet container "
                    + "protects are sent there (otherwise 401; a JAX-RS resource always answers 401), and a sign-in "
                    + "that needs another step comes back to it with `?step=<SignInStep>`");
    /** Where a failed form sign-in is sent. */
    public static final Setting<String> ERROR_PAGE = optional("cognito.error-page", "errorPage", page(),
            "the login page", "where a failed form sign-in is sent, with `?error=<AuthError>`");
    /** How long before its expiry a session's access token is refreshed. */
    public static final Setting<Duration> REFRESH_AHEAD = withDefault("cognito.refresh-ahead", "refreshAhead",
            seconds(0), "120", "seconds before expiry at which a session's tokens are refreshed");
    /** The connect timeout of calls to Cognito. */
    public static final Setting<Duration> CONNECT_TIMEOUT = withDefault("cognito.connect-timeout",
            "connectTimeout", milliseconds(1), "5000", "milliseconds, for every call to Cognito (JWKS and API)");
    /** The read timeout of calls to Cognito. */
    public static final Setting<Duration> READ_TIMEOUT = withDefault("cognito.read-timeout", "readTimeout",
            milliseconds(1), "5000", "milliseconds, for every call to Cognito (JWKS and API)");
    /** The size of the verified-token cache. */
    public static final Setting<Integer> TOKEN_CACHE_SIZE = withDefault("cognito.token-cache-size",
            "tokenCacheSize", wholeNumber(0, "entries"), "10000",
            "verified tokens remembered; `0` turns the cache off");
    /** The other origins whose pages may post a sign-in. */
    public static final Setting<List<String>> ALLOWED_ORIGINS = optional("cognito.allowed-origins",
            "allowedOrigins", list(origin(), "lists no origin"), "none",
            "other origins (`https://www.example.com`, comma-separated) whose pages may post a sign-in; any other "
                    + "cross-origin sign-in is refused with 403");
    /** The sign-ins this node sends to Cognito at once. */
    public static final Setting<Integer> MAX_CONCURRENT_SIGN_INS = withDefault("cognito.max-concurrent-sign-ins",
            "maxConcurrentSignIns", wholeNumber(1, "sign-ins"), "20",
            "sign-ins this node sends to Cognito at once; past it 429 with `Retry-After` (token refreshes are not "
                    + "counted, so they are never starved)");
    /** The Cognito flow of a password sign-in. */
    public static final Setting<SignInAuthFlow> SIGN_IN_AUTH_FLOW = withDefault("cognito.sign-in.auth-flow",
            "signInAuthFlow", oneOf(SignInAuthFlow::fromValue, "must be 'USER_PASSWORD_AUTH' or 'USER_SRP_AUTH'"),
            "USER_PASSWORD_AUTH", "the Cognito flow of a password sign-in (form and `CognitoAuth.signIn`): "
                    + "`USER_PASSWORD_AUTH`, or `USER_SRP_AUTH` (Secure Remote Password: the password never leaves "
                    + "the server; the app client must allow `ALLOW_USER_SRP_AUTH`)");
    /** Which tokens are refused before their {@code exp}. */
    public static final Setting<RevocationCheck> REVOCATION_CHECK = withDefault("cognito.revocation-check",
            "revocationCheck", oneOf(RevocationCheck::fromValue, "must be 'off', 'local' or 'cognito'"), "off",
            "`local`: refuse the tokens of sessions signed out through `CognitoAuth.signOut`, on this node (on "
                    + "every node of a Payara cluster: [docs/CLUSTER.md](docs/CLUSTER.md#revocation)); "
                    + "`cognito`: that, and ask Cognito's GetUser about each new access token (needs "
                    + "`cognito.token-use=access`); see [docs/TOKENS.md](docs/TOKENS.md#revocation)");
    /** How long GetUser's acceptance of an access token is trusted. */
    public static final Setting<Duration> REVOCATION_CACHE_TIME = withDefault("cognito.revocation-cache-time",
            "revocationCacheTime", seconds(1), "60",
            "with `cognito`: seconds GetUser's acceptance of an access token is trusted before asking again");
    /** The {@code SameSite} attribute of the session cookie. */
    public static final Setting<SameSite> SESSION_COOKIE_SAME_SITE = withDefault(
            "cognito.session-cookie-same-site", "sessionCookieSameSite",
            oneOf(SameSite::fromAttributeValue, "must be Lax, Strict or None"), "Lax",
            "`SameSite` of the session cookie: `Lax`, `Strict`, or `None` (the cookie is then `Secure` on every "
                    + "request, as browsers require: https only)");
    /** The keys that encrypt refresh tokens and challenge sessions in the HTTP session. */
    public static final Setting<SessionEncryptionKeys> SESSION_ENCRYPTION_KEY = optional(
            "cognito.session-encryption-key", "sessionEncryptionKey", SessionEncryptionKeys.parser(),
            "a random key per deployment; required for a `<distributable/>` application",
            "AES-256 keys that encrypt refresh tokens and challenge sessions in the HTTP session: "
                    + "`<id>:<base64 of 32 bytes>`, comma-separated; the first encrypts, all decrypt (rotation, see "
                    + "[Tokens at rest](#tokens-at-rest)); a secret: prefer an environment variable, "
                    + "`COGNITO_SESSION_ENCRYPTION_KEY`");

    // Sign-in through Cognito's hosted UI (docs/HOSTED-UI.md); they apply to the sign-in app client.

    /** How anonymous browsers sign in. */
    public static final Setting<SignIn> SIGN_IN = withDefault("cognito.sign-in", "signIn",
            oneOf(SignIn::fromValue, "must be 'form' or 'hosted-ui'"), "form",
            "how anonymous browsers asking for a protected page sign in: `form` (`cognito.login-page`) or "
                    + "`hosted-ui` (a redirect to Cognito's hosted UI, code flow with PKCE)");
    /** The hosted UI's domain. */
    public static final Setting<String> HOSTED_UI_DOMAIN = optional("cognito.hosted-ui.domain", "hostedUiDomain",
            matching(DOMAIN_PATTERN, "is not a domain prefix (myapp) or a custom domain (auth.example.com)"), "none",
            "the pool's domain: a prefix (`myapp`: `https://myapp.auth.<region>.amazoncognito.com`) or a custom "
                    + "domain (`auth.example.com`); required with `hosted-ui`");
    /** The hosted UI's base URL override. */
    public static final Setting<URI> HOSTED_UI_ENDPOINT = optional("cognito.hosted-ui.endpoint", "hostedUiEndpoint",
            keysUrl(), "from the domain", "base URL override of the hosted UI and its `/oauth2` endpoints (an "
                    + "emulator); https (http only for loopback)");
    /** The callback of the code flow. */
    public static final Setting<URI> REDIRECT_URI = optional("cognito.redirect-uri", "redirectUri", callbackUrl(),
            "none", "the callback URL registered on the app client, a URL of this application that the module "
                    + "serves; required with a hosted UI");
    /** The scopes asked for. */
    public static final Setting<List<String>> SCOPES = withDefault("cognito.scopes", "scopes", scopes(),
            "openid email profile aws.cognito.signin.user.admin",
            "scopes asked of the hosted UI, space-separated; `openid` is required (id token and `nonce`), "
                    + "`aws.cognito.signin.user.admin` lets the access token call the account API");
    /** Where Cognito's {@code /logout} sends the browser back to. */
    public static final Setting<URI> LOGOUT_URI = optional("cognito.logout-uri", "logoutUri", callbackUrl(),
            "none (sign-out is local only)", "a sign-out URL registered on the app client: signing out of a "
                    + "hosted-UI session also ends Cognito's own session through its `/logout`");
    /** The default {@code identity_provider} of the hosted UI. */
    public static final Setting<String> HOSTED_UI_IDENTITY_PROVIDER = optional(
            "cognito.hosted-ui.identity-provider", "hostedUiIdentityProvider",
            matching(WORD_PATTERN, "is not an identity provider name"), "none",
            "send browsers straight to this federated IdP (`Google`, `SignInWithApple`, a SAML or OIDC provider "
                    + "name), skipping the hosted page");
    /** The default {@code idp_identifier} of the hosted UI. */
    public static final Setting<String> HOSTED_UI_IDP_IDENTIFIER = optional("cognito.hosted-ui.idp-identifier",
            "hostedUiIdpIdentifier", matching(WORD_PATTERN, "is not an IdP identifier"), "none",
            "send browsers straight to the federated IdP with this identifier");
    /** The default {@code lang} of the hosted UI. */
    public static final Setting<String> HOSTED_UI_LANG = optional("cognito.hosted-ui.lang", "hostedUiLang",
            matching(LANG_PATTERN, "is not a language tag (e.g. en, pt-BR)"), "none",
            "language of the hosted pages (`lang`)");
    /** The default {@code prompt} of the hosted UI. */
    public static final Setting<String> HOSTED_UI_PROMPT = optional("cognito.hosted-ui.prompt", "hostedUiPrompt",
            matching(PROMPT_PATTERN, "must be login, none, consent or select_account (space-separated)"), "none",
            "`prompt` sent to the hosted UI, e.g. `login` to ask for credentials again");

    private final String key;
    private final String attribute;
    private final Parser<T> parser;
    private final boolean required;
    private final String defaultRaw;
    private final T defaultValue;
    private final String unsetMeaning;
    private final String documentation;

    private Setting(String key, String attribute, Parser<T> parser, boolean required, String defaultRaw,
                    String unsetMeaning, String documentation) {
        this.key = key;
        this.attribute = attribute;
        this.parser = parser;
        this.required = required;
        this.defaultRaw = defaultRaw;
        this.defaultValue = defaultRaw == null ? null : parser.parse(defaultRaw, (part, reason) -> {
            throw new IllegalStateException(key + " has a malformed default: '" + part + "' " + reason);
        });
        this.unsetMeaning = unsetMeaning;
        this.documentation = documentation;
        ALL.add(this);
    }

    /** A setting that must be set. */
    private static <T> Setting<T> required(String key, String attribute, Parser<T> parser, String documentation) {
        return new Setting<>(key, attribute, parser, true, null, "required", documentation);
    }

    /** A setting whose absence means what {@code unsetMeaning} says (nothing, or a value derived from others). */
    private static <T> Setting<T> optional(String key, String attribute, Parser<T> parser, String unsetMeaning,
                                           String documentation) {
        return new Setting<>(key, attribute, parser, false, null, unsetMeaning, documentation);
    }

    /** A setting whose default is the value {@code defaultRaw} is read as. */
    private static <T> Setting<T> withDefault(String key, String attribute, Parser<T> parser, String defaultRaw,
                                              String documentation) {
        return new Setting<>(key, attribute, parser, false, defaultRaw, "`" + defaultRaw + "`", documentation);
    }

    /** Every setting, in the order of the README's table. */
    static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /**
     * The MicroProfile Config key, e.g. {@code cognito.client-id}, as named in messages.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /** The attribute of the annotation that also sets it, e.g. {@code clientId}. */
    String attribute() {
        return attribute;
    }

    Parser<T> parser() {
        return parser;
    }

    /** Whether a deployment fails without it. */
    boolean required() {
        return required;
    }

    /** The default as it would be written in MicroProfile Config, or null when the setting has no fixed default. */
    String defaultRaw() {
        return defaultRaw;
    }

    /** The value of {@link #defaultRaw()}, or null. */
    T defaultValue() {
        return defaultValue;
    }

    /** What leaving it unset means, in Markdown: the default in backquotes, {@code required}, {@code none}... */
    String unsetMeaning() {
        return unsetMeaning;
    }

    /** What the setting does, in Markdown, as the README's table says it. */
    String documentation() {
        return documentation;
    }

    @Override
    public String toString() {
        return key;
    }
}
