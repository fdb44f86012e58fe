package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.internal.config.TrustedIssuer.Kind;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code cognito.pools} and {@code cognito.oidc-issuers}: what is read, and every key a mistake is named by. */
class TrustedIssuersReaderTest {

    private static final String DEFAULT_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123";

    private final Map<String, String> settings = new LinkedHashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    @Test
    void withoutExtraIssuersOnlyTheDefaultPoolIsTrusted() throws Exception {
        CognitoConfig config = read();

        assertThat(config.otherIssuers()).isEmpty();
        TrustedIssuer defaultPool = config.defaultIssuer();
        assertThat(defaultPool.name()).isEqualTo("default");
        assertThat(defaultPool.kind()).isEqualTo(Kind.COGNITO_POOL);
        assertThat(defaultPool.issuer()).isEqualTo(DEFAULT_ISSUER);
        assertThat(defaultPool.audiences()).containsExactly("4f1abc");
        assertThat(defaultPool.roleMapping()).isEqualTo(RoleMapping.GROUPS_ARE_ROLES);
    }

    @Test
    void aNamedPoolTakesTheDefaultsOfTheSinglePoolKeys() throws Exception {
        settings.put("cognito.pools", "staff");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff.client-id", "staffclient1, staffclient2");

        TrustedIssuer staff = read().otherIssuers().get(0);

        assertThat(staff.name()).isEqualTo("staff");
        assertThat(staff.kind()).isEqualTo(Kind.COGNITO_POOL);
        assertThat(staff.issuer()).isEqualTo("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Staff9");
        assertThat(staff.jwksUri()).isEqualTo(URI.create(
                "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Staff9/.well-known/jwks.json"));
        assertThat(staff.tokenUse()).isEqualTo(TokenUse.ACCESS);
        assertThat(staff.audiences()).containsExactly("staffclient1", "staffclient2");
        assertThat(staff.groupsClaim()).isEqualTo("cognito:groups");
        assertThat(staff.callerNameClaim()).isEqualTo("username");
        assertThat(staff.roleMapping()).isEqualTo(RoleMapping.GROUPS_ARE_ROLES);
    }

    @Test
    void readsEveryKeyOfANamedPoolAndOfAnOidcIssuer() throws Exception {
        settings.put("cognito.pools", "staff, customers");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff.client-id", "staffclient1");
        settings.put("cognito.pool.customers.user-pool-id", "local_Cust01");
        settings.put("cognito.pool.customers.region", "eu-west-1");
        settings.put("cognito.pool.customers.client-id", "custclient");
        settings.put("cognito.pool.customers.issuer", "http://localhost:9229/local_Cust01");
        settings.put("cognito.pool.customers.jwks-uri", "http://localhost:9229/local_Cust01/keys.json");
        settings.put("cognito.pool.customers.token-use", "id");
        settings.put("cognito.pool.customers.groups-claim", "custom:teams");
        settings.put("cognito.pool.customers.role-mapping", "Admins=admin, Admins=auditor ,Buyers=user");
        settings.put("cognito.oidc-issuers", "partner");
        settings.put("cognito.oidc-issuer.partner.issuer", "https://login.partner.example/");
        settings.put("cognito.oidc-issuer.partner.jwks-uri", "https://login.partner.example/keys");
        settings.put("cognito.oidc-issuer.partner.audience", "api://orders,api://billing");
        settings.put("cognito.oidc-issuer.partner.caller-name-claim", "email");

        List<TrustedIssuer> issuers = read().otherIssuers();

        assertThat(issuers).extracting(TrustedIssuer::name).containsExactly("staff", "customers", "partner");
        TrustedIssuer customers = issuers.get(1);
        assertThat(customers.issuer()).isEqualTo("http://localhost:9229/local_Cust01");
        assertThat(customers.jwksUri()).isEqualTo(URI.create("http://localhost:9229/local_Cust01/keys.json"));
        assertThat(customers.tokenUse()).isEqualTo(TokenUse.ID);
        assertThat(customers.callerNameClaim()).as("the id token's default").isEqualTo("cognito:username");
        assertThat(customers.groupsClaim()).isEqualTo("custom:teams");
        assertThat(customers.roleMapping().rolesByGroup()).containsOnly(
                Map.entry("Admins", List.of("admin", "auditor")), Map.entry("Buyers", List.of("user")));
        TrustedIssuer partner = issuers.get(2);
        assertThat(partner.kind()).isEqualTo(Kind.OIDC);
        assertThat(partner.issuer()).as("kept as written: compared as a string").isEqualTo(
                "https://login.partner.example/");
        assertThat(partner.jwksUri()).isEqualTo(URI.create("https://login.partner.example/keys"));
        assertThat(partner.tokenUse()).isNull();
        assertThat(partner.audiences()).containsExactly("api://orders", "api://billing");
        assertThat(partner.groupsClaim()).isEqualTo("groups");
        assertThat(partner.callerNameClaim()).isEqualTo("email");
    }

    @Test
    void anOidcIssuerNamesTheCallerBySubByDefault() throws Exception {
        oidcIssuer("partner", "https://login.partner.example");
        assertThat(read().otherIssuers().get(0).callerNameClaim()).isEqualTo("sub");
    }

    @Test
    void aListedNameWithoutKeysNamesEachMissingKey() {
        settings.put("cognito.pools", "staff");
        settings.put("cognito.oidc-issuers", "partner");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.pool.staff.user-pool-id is missing ('staff' is listed in cognito.pools)",
                "cognito.pool.staff.client-id is missing ('staff' is listed in cognito.pools)",
                "cognito.oidc-issuer.partner.issuer is missing ('partner' is listed in cognito.oidc-issuers)",
                "cognito.oidc-issuer.partner.jwks-uri is missing ('partner' is listed in cognito.oidc-issuers)",
                "cognito.oidc-issuer.partner.audience is missing ('partner' is listed in cognito.oidc-issuers)");
    }

    @Test
    void eachMalformedValueIsNamedByItsExactKey() {
        settings.put("cognito.pools", "staff");
        settings.put("cognito.pool.staff.user-pool-id", "not-a-pool");
        settings.put("cognito.pool.staff.client-id", "bad client!");
        settings.put("cognito.pool.staff.token-use", "refresh");
        settings.put("cognito.pool.staff.jwks-uri", "http://keys.example.com/jwks.json");
        settings.put("cognito.pool.staff.role-mapping", "Admins=admin,Staff");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.pool.staff.user-pool-id 'not-a-pool' is not a user pool id (expected <region>_<id>, "
                        + "e.g. eu-west-1_AbC123)",
                "cognito.pool.staff.client-id 'bad client!' is not an app client id",
                "cognito.pool.staff.token-use 'refresh' must be 'access' or 'id'",
                "cognito.pool.staff.jwks-uri 'http://keys.example.com/jwks.json' must be an https URL (plain http "
                        + "is accepted for loopback hosts only)",
                "cognito.pool.staff.role-mapping 'Staff' is not a group=role pair");
    }

    @Test
    void aNamedPoolsRegionMustMatchItsPoolId() {
        settings.put("cognito.pools", "staff");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff.client-id", "staffclient1");
        settings.put("cognito.pool.staff.region", "eu-west-1");
        assertThat(problems()).containsExactly("cognito.pool.staff.region 'eu-west-1' does not match the region of "
                + "cognito.pool.staff.user-pool-id 'us-east-2_Staff9'");
    }

    @Test
    void anOidcIssuerMustBeHttpsExceptOnLoopback() {
        oidcIssuer("partner", "http://login.partner.example");
        settings.put("cognito.oidc-issuer.partner.role-mapping", "=admin");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.oidc-issuer.partner.issuer 'http://login.partner.example' must be an https URL (plain "
                        + "http is accepted for loopback hosts only)",
                "cognito.oidc-issuer.partner.role-mapping '=admin' is not a group=role pair");

        settings.put("cognito.oidc-issuer.partner.issuer", "http://127.0.0.1:8080/realm");
        settings.remove("cognito.oidc-issuer.partner.role-mapping");
        assertThat(problems()).isEmpty();
    }

    @Test
    void namesAreLowerCaseOnceEachAndNeverDefault() {
        settings.put("cognito.pools", "Staff,default,staff-2,staff-2,partner");
        settings.put("cognito.pool.staff-2.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff-2.client-id", "staffclient1");
        settings.put("cognito.pool.partner.user-pool-id", "us-east-2_Partner1");
        settings.put("cognito.pool.partner.client-id", "partnerclient");
        settings.put("cognito.oidc-issuers", "partner");
        settings.put("cognito.oidc-issuer.partner.issuer", "https://login.partner.example");
        settings.put("cognito.oidc-issuer.partner.jwks-uri", "https://login.partner.example/keys");
        settings.put("cognito.oidc-issuer.partner.audience", "orders");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.pools 'Staff' is not a name (lower-case letters, digits and '-' only)",
                "cognito.pools 'default' is reserved for the pool of the single-pool keys (cognito.user-pool-id...)",
                "cognito.pools lists 'staff-2' twice",
                "cognito.oidc-issuers 'partner' is also listed in cognito.pools: each name may be used once",
                "cognito.oidc-issuer.partner.issuer is set, but 'partner' is not listed in cognito.oidc-issuers",
                "cognito.oidc-issuer.partner.jwks-uri is set, but 'partner' is not listed in cognito.oidc-issuers",
                "cognito.oidc-issuer.partner.audience is set, but 'partner' is not listed in cognito.oidc-issuers");
    }

    @Test
    void eachIssuerIsTrustedOnce() {
        settings.put("cognito.pools", "again,staff");
        settings.put("cognito.pool.again.user-pool-id", "eu-west-1_AbC123");
        settings.put("cognito.pool.again.client-id", "otherclient");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff.client-id", "staffclient1");
        oidcIssuer("partner", "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Staff9");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.pool.again.issuer '" + DEFAULT_ISSUER + "' is already the issuer of 'default': each "
                        + "issuer may be trusted once",
                "cognito.oidc-issuer.partner.issuer 'https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Staff9'"
                        + " is already the issuer of 'staff': each issuer may be trusted once");
    }

    @Test
    void keysOfUnlistedNamesAndMisspeltKeysAreRefused() {
        settings.put("cognito.pools", "staff");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        settings.put("cognito.pool.staff.client-id", "staffclient1");
        settings.put("cognito.pool.staff.clientid", "typo");
        settings.put("cognito.pool.sales.user-pool-id", "us-east-2_Sales1");
        assertThat(problems()).containsExactlyInAnyOrder(
                "cognito.pool.staff.clientid is not a setting (known: caller-name-claim, client-id, groups-claim, "
                        + "issuer, jwks-uri, region, role-mapping, token-use, user-pool-id)",
                "cognito.pool.sales.user-pool-id is set, but 'sales' is not listed in cognito.pools");
    }

    @Test
    void problemsOfTheExtraIssuersComeWithThoseOfTheSinglePoolKeys() {
        settings.remove("cognito.client-id");
        settings.put("cognito.pools", "staff");
        settings.put("cognito.pool.staff.user-pool-id", "us-east-2_Staff9");
        assertThat(problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("cognito.client-id is missing"))
                .contains("cognito.pool.staff.client-id is missing ('staff' is listed in cognito.pools)");
    }

    private void oidcIssuer(String name, String issuer) {
        settings.put("cognito.oidc-issuers", name);
        settings.put("cognito.oidc-issuer." + name + ".issuer", issuer);
        settings.put("cognito.oidc-issuer." + name + ".jwks-uri", "https://login.partner.example/keys");
        settings.put("cognito.oidc-issuer." + name + ".audience", "orders");
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)), settings.keySet());
    }

    private List<String> problems() {
        try {
            read();
            return List.of();
        } catch (InvalidConfigurationException e) {
            return e.problems();
        }
    }

    @Test
    void aBrokenConfigurationFailsWithEveryProblemInTheMessage() {
        settings.put("cognito.pools", "staff");
        assertThatThrownBy(this::read).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("cognito.pool.staff.user-pool-id is missing")
                .hasMessageContaining("cognito.pool.staff.client-id is missing");
    }
}
