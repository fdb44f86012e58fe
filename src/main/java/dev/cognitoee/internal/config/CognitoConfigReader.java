package dev.cognitoee.internal.config;

import static dev.cognitoee.internal.config.CognitoConfigKeys.ALLOWED_ORIGINS;
import static dev.cognitoee.internal.config.CognitoConfigKeys.ALLOW_GUEST_ACCESS;
import static dev.cognitoee.internal.config.CognitoConfigKeys.CALLER_NAME_CLAIM;
import static dev.cognitoee.internal.config.CognitoConfigKeys.CLIENT_ID;
import static dev.cognitoee.internal.config.CognitoConfigKeys.CLIENT_SECRET;
import static dev.cognitoee.internal.config.CognitoConfigKeys.CLOCK_SKEW;
import static dev.cognitoee.internal.config.CognitoConfigKeys.CONNECT_TIMEOUT;
import static dev.cognitoee.internal.config.CognitoConfigKeys.ENDPOINT;
import static dev.cognitoee.internal.config.CognitoConfigKeys.ERROR_PAGE;
import static dev.cognitoee.internal.config.CognitoConfigKeys.GROUPS_CLAIM;
import static dev.cognitoee.internal.config.CognitoConfigKeys.IDENTITY_ENDPOINT;
import static dev.cognitoee.internal.config.CognitoConfigKeys.IDENTITY_POOL_ID;
import static dev.cognitoee.internal.config.CognitoConfigKeys.ISSUER;
import static dev.cognitoee.internal.config.CognitoConfigKeys.JWKS_URI;
import static dev.cognitoee.internal.config.CognitoConfigKeys.LOGIN_PAGE;
import static dev.cognitoee.internal.config.CognitoConfigKeys.MAX_CONCURRENT_SIGN_INS;
import static dev.cognitoee.internal.config.CognitoConfigKeys.READ_TIMEOUT;
import static dev.cognitoee.internal.config.CognitoConfigKeys.REFRESH_AHEAD;
import static dev.cognitoee.internal.config.CognitoConfigKeys.REGION;
import static dev.cognitoee.internal.config.CognitoConfigKeys.REVOCATION_CACHE_TIME;
import static dev.cognitoee.internal.config.CognitoConfigKeys.REVOCATION_CHECK;
import static dev.cognitoee.internal.config.CognitoConfigKeys.SESSION_COOKIE_SAME_SITE;
import static dev.cognitoee.internal.config.CognitoConfigKeys.TOKEN_CACHE_SIZE;
import static dev.cognitoee.internal.config.CognitoConfigKeys.TOKEN_USE;
import static dev.cognitoee.internal.config.CognitoConfigKeys.USER_POOL_ID;

import dev.cognitoee.internal.config.TokenUse;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds a {@link CognitoConfig} from the settings (MicroProfile Config first, then the annotation), applying the
 * documented defaults and checking every value. All problems are collected before failing, so that one failed
 * deployment names every key to fix.
 */
public final class CognitoConfigReader {

    // The patterns of the Cognito API reference (UserPoolId, ClientId) and of AWS region names.
    private static final Pattern USER_POOL_ID_PATTERN = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern CLIENT_ID_PATTERN = Pattern.compile("[\\w+]{1,128}");
    private static final Pattern IDENTITY_POOL_ID_PATTERN = Pattern.compile("[\\w-]+:[0-9a-f-]+");
    private static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    static final int DEFAULT_REFRESH_AHEAD_SECONDS = 120;
    static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    static final int DEFAULT_REVOCATION_CACHE_SECONDS = 60;
    static final String DEFAULT_GROUPS_CLAIM = "cognito:groups";
    static final int DEFAULT_MAX_CONCURRENT_SIGN_INS = 20;

    private final Function<String, Optional<String>> settings;
    private final List<String> problems = new ArrayList<>();

    private CognitoConfigReader(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /**
     * Reads and validates the configuration.
     *
     * @param settings the raw value of each key, if set anywhere (blank counts as unset)
     * @throws InvalidConfigurationException listing every missing or malformed key
     */
    public static CognitoConfig read(Function<String, Optional<String>> settings)
            throws InvalidConfigurationException {
        return new CognitoConfigReader(settings).read();
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        String userPoolId = required(USER_POOL_ID, "userPoolId", USER_POOL_ID_PATTERN,
                "is not a user pool id (expected <region>_<id>, e.g. eu-west-1_AbC123)");
        String region = region(userPoolId);
        List<String> clientIds = clientIds();
        String clientSecret = value(CLIENT_SECRET).orElse(null);
        URI endpoint = value(ENDPOINT).map(raw -> uri(ENDPOINT, raw)).orElse(null);
        String identityPoolId = value(IDENTITY_POOL_ID).orElse(null);
        if (identityPoolId != null && !IDENTITY_POOL_ID_PATTERN.matcher(identityPoolId).matches()) {
            problems.add(IDENTITY_POOL_ID + " '" + identityPoolId
                    + "' is not an identity pool id (expected <region>:<uuid>)");
        }
        URI identityEndpoint = value(IDENTITY_ENDPOINT).map(raw -> uri(IDENTITY_ENDPOINT, raw)).orElse(null);
        boolean allowGuestAccess = bool(ALLOW_GUEST_ACCESS);
        TokenUse tokenUse = tokenUse();
        String issuer = issuer(region, userPoolId);
        URI jwksUri = jwksUri(issuer);
        Duration clockSkew = Duration.ofSeconds(wholeNumber(CLOCK_SKEW, DEFAULT_CLOCK_SKEW_SECONDS, 0, "seconds"));
        String groupsClaim = value(GROUPS_CLAIM).orElse(DEFAULT_GROUPS_CLAIM);
        String callerNameClaim = value(CALLER_NAME_CLAIM)
                .orElse(tokenUse == TokenUse.ID ? "cognito:username" : "username");
        String loginPage = page(LOGIN_PAGE);
        String errorPage = Optional.ofNullable(page(ERROR_PAGE)).orElse(loginPage);
        Duration refreshAhead = Duration.ofSeconds(
                wholeNumber(REFRESH_AHEAD, DEFAULT_REFRESH_AHEAD_SECONDS, 0, "seconds"));
        Duration connectTimeout = Duration.ofMillis(
                wholeNumber(CONNECT_TIMEOUT, DEFAULT_TIMEOUT_MILLIS, 1, "milliseconds"));
        Duration readTimeout = Duration.ofMillis(
                wholeNumber(READ_TIMEOUT, DEFAULT_TIMEOUT_MILLIS, 1, "milliseconds"));
        int tokenCacheSize = wholeNumber(TOKEN_CACHE_SIZE, DEFAULT_TOKEN_CACHE_SIZE, 0, "entries");
        List<String> allowedOrigins = origins(ALLOWED_ORIGINS);
        int maxConcurrentSignIns = wholeNumber(MAX_CONCURRENT_SIGN_INS, DEFAULT_MAX_CONCURRENT_SIGN_INS, 1,
                "sign-ins");
        RevocationCheck revocationCheck = revocationCheck(tokenUse);
        Duration revocationCacheTime = Duration.ofSeconds(
                wholeNumber(REVOCATION_CACHE_TIME, DEFAULT_REVOCATION_CACHE_SECONDS, 1, "seconds"));
        SameSite sessionCookieSameSite = sameSite();

        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new CognitoConfig(region, userPoolId, clientIds, clientSecret, endpoint, identityPoolId,
                identityEndpoint, allowGuestAccess, issuer, jwksUri, tokenUse,
                clockSkew, groupsClaim, callerNameClaim, loginPage, errorPage, refreshAhead, connectTimeout,
                readTimeout, tokenCacheSize, allowedOrigins, maxConcurrentSignIns, revocationCheck,
                revocationCacheTime, sessionCookieSameSite);
    }

    private String region(String userPoolId) {
        Optional<String> poolRegion = Optional.ofNullable(userPoolId)
                .map(id -> id.substring(0, id.indexOf('_')))
                .filter(prefix -> REGION_PATTERN.matcher(prefix).matches());
        Optional<String> configured = value(REGION);
        if (configured.isEmpty()) {
            if (poolRegion.isEmpty() && userPoolId != null) {
                problems.add(REGION + " is missing: set it in MicroProfile Config or in "
                        + "@CognitoAuthenticationMechanismDefinition(region) (it cannot be read from the user pool id '"
                        + userPoolId + "')");
            }
            return poolRegion.orElse(null);
        }
        String region = configured.get();
        if (!REGION_PATTERN.matcher(region).matches()) {
            problems.add(REGION + " '" + region + "' is not an AWS region name (e.g. eu-west-1)");
        } else if (poolRegion.isPresent() && !poolRegion.get().equals(region)) {
            problems.add(REGION + " '" + region + "' does not match the region of " + USER_POOL_ID + " '"
                    + userPoolId + "'");
        }
        return region;
    }

    private List<String> clientIds() {
        String raw = required(CLIENT_ID, "clientId", null, null);
        if (raw == null) {
            return List.of();
        }
        List<String> ids = Arrays.stream(raw.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        for (String id : ids) {
            if (!CLIENT_ID_PATTERN.matcher(id).matches()) {
                problems.add(CLIENT_ID + " '" + id + "' is not an app client id");
            }
        }
        if (ids.isEmpty()) {
            problems.add(CLIENT_ID + " lists no app client id");
        }
        return ids;
    }

    private TokenUse tokenUse() {
        Optional<String> raw = value(TOKEN_USE);
        if (raw.isEmpty()) {
            return TokenUse.ACCESS;
        }
        Optional<TokenUse> use = TokenUse.fromClaimValue(raw.get());
        if (use.isEmpty()) {
            problems.add(TOKEN_USE + " '" + raw.get() + "' must be 'access' or 'id'");
        }
        return use.orElse(TokenUse.ACCESS);
    }

    private RevocationCheck revocationCheck(TokenUse tokenUse) {
        Optional<String> raw = value(REVOCATION_CHECK);
        if (raw.isEmpty()) {
            return RevocationCheck.OFF;
        }
        Optional<RevocationCheck> check = RevocationCheck.fromValue(raw.get());
        if (check.isEmpty()) {
            problems.add(REVOCATION_CHECK + " '" + raw.get() + "' must be 'off', 'local' or 'cognito'");
            return RevocationCheck.OFF;
        }
        // GetUser takes access tokens only: an id token cannot be put to Cognito.
        if (check.get() == RevocationCheck.COGNITO && tokenUse == TokenUse.ID) {
            problems.add(REVOCATION_CHECK + " 'cognito' asks Cognito's GetUser, which takes access tokens only: "
                    + "it needs " + TOKEN_USE + "=access (it is 'id'); use 'local' with id tokens");
        }
        return check.get();
    }

    private String issuer(String region, String userPoolId) {
        Optional<String> configured = value(ISSUER);
        if (configured.isPresent()) {
            URI uri = uri(ISSUER, configured.get());
            if (uri != null && !isHttp(uri)) {
                problems.add(ISSUER + " '" + configured.get() + "' must be an http(s) URL");
            }
            return configured.get();
        }
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    private URI jwksUri(String issuer) {
        Optional<String> configured = value(JWKS_URI);
        URI uri = uri(configured.isPresent() ? JWKS_URI : ISSUER,
                configured.orElse(issuer + "/.well-known/jwks.json"));
        if (uri == null) {
            return null;
        }
        // Keys fetched over plain http could be swapped by anyone on the path: only a local emulator may use it.
        if ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && isLoopback(uri.getHost()))) {
            return uri;
        }
        problems.add(JWKS_URI + " '" + uri + "' must be an https URL (plain http is accepted for loopback hosts only)");
        return null;
    }

    /** Web origins, {@code scheme://host[:port]}, kept in the form a browser's {@code Origin} header has. */
    private List<String> origins(String key) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (String origin : raw.get().split(",")) {
            String trimmed = origin.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri = null;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                // reported below
            }
            if (uri == null || !isHttp(uri) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                problems.add(key + " '" + trimmed + "' is not a web origin (expected scheme://host[:port], "
                        + "e.g. https://www.example.com)");
            } else {
                origins.add(trimmed.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return origins;
    }

    private SameSite sameSite() {
        Optional<String> raw = value(SESSION_COOKIE_SAME_SITE);
        if (raw.isEmpty()) {
            return SameSite.LAX;
        }
        Optional<SameSite> sameSite = SameSite.fromAttributeValue(raw.get());
        if (sameSite.isEmpty()) {
            problems.add(SESSION_COOKIE_SAME_SITE + " '" + raw.get() + "' must be Lax, Strict or None");
        }
        return sameSite.orElse(SameSite.LAX);
    }

    private boolean bool(String key) {
        Optional<String> raw = value(key);
        if (raw.isEmpty() || raw.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.get().equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(key + " '" + raw.get() + "' must be true or false");
        return false;
    }

    /** A context-relative page such as {@code /login.html}. */
    private String page(String key) {
        Optional<String> raw = value(key);
        if (raw.isPresent() && (!raw.get().startsWith("/") || raw.get().startsWith("//") || raw.get().contains(":"))) {
            problems.add(key + " '" + raw.get() + "' must be a path within the application, starting with /");
            return null;
        }
        return raw.orElse(null);
    }

    private URI uri(String key, String raw) {
        try {
            URI uri = new URI(raw);
            if (uri.isAbsolute() && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(key + " '" + raw + "' is not an absolute URL");
        return null;
    }

    private int wholeNumber(String key, int defaultValue, int min, String unit) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(raw.get());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " '" + raw.get() + "' must be a whole number of " + unit + ", at least " + min);
        return defaultValue;
    }

    private String required(String key, String attribute, Pattern pattern, String malformedMessage) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            problems.add(key + " is missing: set it in MicroProfile Config or in "
                    + "@CognitoAuthenticationMechanismDefinition(" + attribute + ")");
            return null;
        }
        if (pattern != null && !pattern.matcher(raw.get()).matches()) {
            problems.add(key + " '" + raw.get() + "' " + malformedMessage);
            return null;
        }
        return raw.get();
    }

    private Optional<String> value(String key) {
        return settings.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean isHttp(URI uri) {
        return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // Only literal addresses are judged: no DNS lookup at deployment for a name.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
