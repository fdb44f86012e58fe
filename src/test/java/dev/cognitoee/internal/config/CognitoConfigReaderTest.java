package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.config.TokenUse;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CognitoConfigReaderTest {

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    @Test
    void appliesTheDocumentedDefaults() throws Exception {
        CognitoConfig config = read();

        assertThat(config.region()).isEqualTo("eu-west-1"); // from the pool id
        assertThat(config.clientIds()).containsExactly("4f1abc");
        assertThat(config.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        assertThat(config.jwksUri()).isEqualTo(URI.create(
                "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json"));
        assertThat(config.tokenUse()).isEqualTo(TokenUse.ACCESS);
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.groupsClaim()).isEqualTo("cognito:groups");
        assertThat(config.callerNameClaim()).isEqualTo("username");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.tokenCacheSize()).isEqualTo(10_000);
        assertThat(config.clientSecret()).isNull();
        assertThat(config.endpoint()).isNull();
        assertThat(config.loginPage()).isNull();
        assertThat(config.errorPage()).isNull();
        assertThat(config.refreshAhead()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.signInClientId()).isEqualTo("4f1abc");
    }

    @Test
    void readsTheSignInKeysAndNeverPrintsTheSecret() throws Exception {
        settings.putAll(Map.of(
                "cognito.client-secret", "very-secret-value",
                "cognito.endpoint", "http://localhost:9229",
                "cognito.login-page", "/login.xhtml",
                "cognito.refresh-ahead", "30"));
        CognitoConfig config = read();

        assertThat(config.clientSecret()).isEqualTo("very-secret-value");
        assertThat(config.endpoint()).isEqualTo(URI.create("http://localhost:9229"));
        assertThat(config.loginPage()).isEqualTo("/login.xhtml");
        assertThat(config.errorPage()).as("defaults to the login page").isEqualTo("/login.xhtml");
        assertThat(config.refreshAhead()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.toString()).doesNotContain("very-secret-value").contains("clientSecret=(set)");
    }

    @Test
    void pagesMustStayInsideTheApplication() {
        settings.put("cognito.login-page", "https://evil.example.com/login");
        settings.put("cognito.error-page", "//evil.example.com");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.login-page 'https://evil.example.com/login' must be a path within the application, "
                        + "starting with /",
                "cognito.error-page '//evil.example.com' must be a path within the application, starting with /");
    }

    @Test
    void idTokensNameTheCallerByCognitoUsername() throws Exception {
        settings.put("cognito.token-use", "id");
        CognitoConfig config = read();
        assertThat(config.tokenUse()).isEqualTo(TokenUse.ID);
        assertThat(config.callerNameClaim()).isEqualTo("cognito:username");
    }

    @Test
    void readsEveryKey() throws Exception {
        settings.putAll(Map.of(
                "cognito.region", "us-east-1",
                "cognito.user-pool-id", "local_2uHNmqCM",
                "cognito.client-id", " a1 , b2 ",
                "cognito.issuer", "http://localhost:9229/local_2uHNmqCM",
                "cognito.clock-skew", "5",
                "cognito.groups-claim", "custom:roles",
                "cognito.caller-name-claim", "sub",
                "cognito.connect-timeout", "250",
                "cognito.read-timeout", "750",
                "cognito.token-cache-size", "0"));
        CognitoConfig config = read();

        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.clientIds()).containsExactly("a1", "b2");
        assertThat(config.jwksUri()).isEqualTo(URI.create("http://localhost:9229/local_2uHNmqCM/.well-known/jwks.json"));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.groupsClaim()).isEqualTo("custom:roles");
        assertThat(config.callerNameClaim()).isEqualTo("sub");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.tokenCacheSize()).isZero();
    }

    @Test
    void namesEveryMissingRequiredKeyAtOnce() {
        settings.clear();
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.user-pool-id is missing: set it in MicroProfile Config or in "
                        + "@CognitoAuthenticationMechanismDefinition(userPoolId)",
                "cognito.client-id is missing: set it in MicroProfile Config or in "
                        + "@CognitoAuthenticationMechanismDefinition(clientId)");
    }

    @Test
    void blankCountsAsMissing() {
        settings.put("cognito.client-id", "   ");
        assertThat(problems()).singleElement().asString().startsWith("cognito.client-id is missing");
    }

    @Test
    void regionIsRequiredWhenThePoolIdDoesNotTellIt() {
        settings.put("cognito.user-pool-id", "local_2uHNmqCM");
        assertThat(problems()).singleElement().asString().startsWith("cognito.region is missing");
    }

    @Test
    void namesEachMalformedKey() {
        settings.putAll(Map.of(
                "cognito.region", "Europe",
                "cognito.client-id", "ok1,not/valid",
                "cognito.token-use", "refresh",
                "cognito.clock-skew", "-1",
                "cognito.connect-timeout", "soon",
                "cognito.read-timeout", "0",
                "cognito.token-cache-size", "many"));
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.region 'Europe' is not an AWS region name (e.g. eu-west-1)",
                "cognito.client-id 'not/valid' is not an app client id",
                "cognito.token-use 'refresh' must be 'access' or 'id'",
                "cognito.clock-skew '-1' must be a whole number of seconds, at least 0",
                "cognito.connect-timeout 'soon' must be a whole number of milliseconds, at least 1",
                "cognito.read-timeout '0' must be a whole number of milliseconds, at least 1",
                "cognito.token-cache-size 'many' must be a whole number of entries, at least 0");
    }

    @Test
    void readsFlagsInAnyCaseAndRefusesAnythingElse() throws Exception {
        assertThat(read().allowGuestAccess()).isFalse();
        settings.put("cognito.allow-guest-access", "TRUE");
        assertThat(read().allowGuestAccess()).isTrue();
        settings.put("cognito.allow-guest-access", "False");
        assertThat(read().allowGuestAccess()).isFalse();
        settings.put("cognito.allow-guest-access", "yes");
        assertThat(problems()).containsExactly("cognito.allow-guest-access 'yes' must be true or false");
    }

    @Test
    void aListOfNoItemIsRefused() {
        settings.put("cognito.client-id", " , ,");
        settings.put("cognito.allowed-origins", "https://a.example.com, ftp://b.example.com, ,https://c.example.com/x");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.client-id ', ,' lists no app client id",
                "cognito.allowed-origins 'ftp://b.example.com' is not a web origin (expected scheme://host[:port], "
                        + "e.g. https://www.example.com)",
                "cognito.allowed-origins 'https://c.example.com/x' is not a web origin (expected "
                        + "scheme://host[:port], e.g. https://www.example.com)");
    }

    @Test
    void readsOriginsInLowerCase() throws Exception {
        settings.put("cognito.allowed-origins", "https://WWW.Example.com, http://localhost:8080");
        assertThat(read().allowedOrigins()).containsExactly("https://www.example.com", "http://localhost:8080");
        settings.remove("cognito.allowed-origins");
        assertThat(read().allowedOrigins()).isEmpty();
    }

    @Test
    void anIssuerMustBeHttpAndABadOneIsNamedOnce() {
        settings.put("cognito.issuer", "ftp://example.com/pool");
        assertThat(problems()).containsExactly("cognito.issuer 'ftp://example.com/pool' must be an http(s) URL");
    }

    @Test
    void refusesAMalformedUserPoolId() {
        settings.put("cognito.user-pool-id", "eu-west-1 AbC123");
        assertThat(problems()).singleElement().asString()
                .startsWith("cognito.user-pool-id 'eu-west-1 AbC123' is not a user pool id");
    }

    @Test
    void refusesARegionThatContradictsThePoolId() {
        settings.put("cognito.region", "us-east-1");
        assertThat(problems()).containsExactly(
                "cognito.region 'us-east-1' does not match the region of cognito.user-pool-id 'eu-west-1_AbC123'");
    }

    @Test
    void refusesJwksOverPlainHttpExceptOnLoopback() throws Exception {
        settings.put("cognito.jwks-uri", "http://keys.example.com/jwks.json");
        assertThat(problems()).containsExactly("cognito.jwks-uri 'http://keys.example.com/jwks.json' must be an "
                + "https URL (plain http is accepted for loopback hosts only)");

        for (String local : List.of("http://localhost:9229/p/jwks.json", "http://127.0.0.1:9229/p/jwks.json",
                "http://[::1]:9229/p/jwks.json")) {
            settings.put("cognito.jwks-uri", local);
            assertThat(read().jwksUri()).isEqualTo(URI.create(local));
        }
    }

    @Test
    void refusesUrlsThatAreNotAbsolute() {
        settings.put("cognito.issuer", "cognito-idp/eu-west-1_AbC123");
        settings.put("cognito.jwks-uri", "::not a uri");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.issuer 'cognito-idp/eu-west-1_AbC123' is not an absolute URL",
                "cognito.jwks-uri '::not a uri' is not an absolute URL");
    }

    @Test
    void theSessionCookieIsSameSiteLaxUnlessConfiguredOtherwise() throws Exception {
        assertThat(read().sessionCookieSameSite()).isEqualTo(SameSite.LAX);
        for (Map.Entry<String, SameSite> value : Map.of("Strict", SameSite.STRICT, "none", SameSite.NONE,
                " LAX ", SameSite.LAX).entrySet()) {
            settings.put("cognito.session-cookie-same-site", value.getKey());
            assertThat(read().sessionCookieSameSite()).as(value.getKey()).isEqualTo(value.getValue());
        }
        assertThat(SameSite.STRICT.attributeValue()).isEqualTo("Strict");

        settings.put("cognito.session-cookie-same-site", "Relaxed");
        assertThat(problems()).containsExactly("cognito.session-cookie-same-site 'Relaxed' must be Lax, Strict or None");
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    private List<String> problems() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(this::read);
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        InvalidConfigurationException e = (InvalidConfigurationException) thrown;
        assertThat(e.getMessage()).contains(e.problems());
        return e.problems();
    }
}
