package dev.cognitoee.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test kit as a user's test sees it, public API only: every token is checked here independently of the kit,
 * against the JWKS fetched over HTTP from the settings the kit hands out, by the rules a Cognito resource server
 * applies ({@link #defects}). A valid token has no defect; each flawed token has exactly its own.
 */
class TestUserPoolTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final TestUserPool POOL = TestUserPool.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();

    @AfterAll
    static void close() {
        POOL.close();
    }

    @Test
    void anAccessTokenIsCognitoShapedAndVerifiesAgainstThePublishedJwks() throws Exception {
        String token = POOL.accessToken().username("alice").groups("admin", "user").sign();

        assertThat(defects(token, "access")).isEmpty();
        JWSObject jws = JWSObject.parse(token);
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jws.getHeader().getKeyID()).isEqualTo("testkit-key-1");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims).containsEntry("username", "alice").containsEntry("token_use", "access")
                .containsEntry("client_id", "testkitclient").containsEntry("scope", "aws.cognito.signin.user.admin")
                .containsEntry("cognito:groups", List.of("admin", "user"))
                .containsEntry("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestKit1")
                .containsEntry("iat", NOW.getEpochSecond()).containsEntry("auth_time", NOW.getEpochSecond())
                .containsEntry("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond())
                .containsKeys("sub", "jti", "origin_jti", "event_id")
                .doesNotContainKeys("aud", "cognito:username");
    }

    @Test
    void anIdTokenNamesItsClientInAud() throws Exception {
        String token = POOL.idToken().username("bob").sign();

        assertThat(defects(token, "id")).isEmpty();
        Map<String, Object> claims = JWSObject.parse(token).getPayload().toJSONObject();
        assertThat(claims).containsEntry("cognito:username", "bob").containsEntry("token_use", "id")
                .containsEntry("aud", "testkitclient")
                .doesNotContainKeys("username", "client_id", "scope", "cognito:groups");
    }

    @Test
    void aUserKeepsOneSubAndEveryTokenIsNew() {
        Map<String, Object> alice = POOL.accessToken().username("alice").claims();
        Map<String, Object> againAlice = POOL.idToken().username("alice").claims();
        Map<String, Object> bob = POOL.accessToken().username("bob").claims();

        assertThat(againAlice.get("sub")).isEqualTo(alice.get("sub"));
        assertThat(bob.get("sub")).isNotEqualTo(alice.get("sub"));
        assertThat(againAlice.get("jti")).isNotEqualTo(alice.get("jti"));
        TokenBuilder one = POOL.accessToken();
        assertThat(one.sign()).as("signing again gives another token").isNotEqualTo(one.sign());
    }

    @Test
    void everyClaimCanBeChosen() throws Exception {
        Instant issued = NOW.minus(Duration.ofMinutes(10));
        Map<String, Object> claims = JWSObject.parse(POOL.accessToken()
                .sub("fixed-sub").clientId("otherclient").issuer("https://issuer.example").issuedAt(issued)
                .lifetime(Duration.ofMinutes(5)).claim("scope", "openid").claim("custom:tenant", "t1")
                .withoutClaim("jti").sign()).getPayload().toJSONObject();

        assertThat(claims).containsEntry("sub", "fixed-sub").containsEntry("client_id", "otherclient")
                .containsEntry("iss", "https://issuer.example").containsEntry("iat", issued.getEpochSecond())
                .containsEntry("exp", issued.plus(Duration.ofMinutes(5)).getEpochSecond())
                .containsEntry("scope", "openid").containsEntry("custom:tenant", "t1").doesNotContainKey("jti");
        assertThat(POOL.accessToken().lifetime(Duration.ofMinutes(5)).expiresAt(NOW.plusSeconds(7)).claims())
                .as("an explicit expiry wins over the lifetime").containsEntry("exp", NOW.plusSeconds(7).getEpochSecond());
        assertThat(POOL.accessToken().withoutClaim("scope").claim("scope", "back").claims())
                .containsEntry("scope", "back");
    }

    @ParameterizedTest
    @EnumSource(TokenFlaw.class)
    void eachFlawedAccessTokenHasExactlyItsOwnDefect(TokenFlaw flaw) throws Exception {
        String token = POOL.accessToken().username("alice").groups("admin").flaw(flaw).sign();

        assertThat(defects(token, "access")).as(flaw.description()).isEqualTo(Set.of(flaw));
        assertThat(JOSEObject.split(token)).as("three non-empty parts").hasSize(3)
                .allSatisfy(part -> assertThat(part.toString()).isNotEmpty());
        if (flaw != TokenFlaw.WRONG_TOKEN_USE) {
            assertThat(payload(token)).as("the rest is the valid token")
                    .containsEntry("username", "alice").containsEntry("cognito:groups", List.of("admin"));
        }
    }

    @ParameterizedTest
    @EnumSource(TokenFlaw.class)
    void eachFlawedIdTokenHasExactlyItsOwnDefect(TokenFlaw flaw) throws Exception {
        assertThat(defects(POOL.idToken().flaw(flaw).sign(), "id")).as(flaw.description()).isEqualTo(Set.of(flaw));
        assertThat(defects(POOL.idToken().flaw(flaw).flaw(null).sign(), "id")).as("flaw(null) repairs").isEmpty();
    }

    @Test
    void theSettingsPointAtThePoolAndItsJwks() throws Exception {
        Map<String, String> settings = POOL.settings();

        assertThat(settings.keySet()).containsExactly("cognito.region", "cognito.user-pool-id", "cognito.client-id",
                "cognito.issuer", "cognito.jwks-uri");
        assertThat(settings).containsEntry("cognito.region", "eu-west-1")
                .containsEntry("cognito.user-pool-id", "eu-west-1_TestKit1")
                .containsEntry("cognito.client-id", "testkitclient")
                .containsEntry("cognito.issuer", POOL.issuer());
        URI jwks = URI.create(settings.get("cognito.jwks-uri"));
        assertThat(jwks.getHost()).isEqualTo("127.0.0.1");
        List<JWK> published = JWKSet.load(jwks.toURL()).getKeys();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).isPrivate()).as("no private part is ever published").isFalse();
        assertThat(published.get(0).getKeyID()).isEqualTo(POOL.signingKey().keyId());
    }

    @Test
    void thePropertiesTextReadsBackAsTheSettings() throws IOException {
        assertThat(load(POOL.settingsAsProperties())).isEqualTo(POOL.settings());
        try (TestUserPool odd = TestUserPool.builder().issuer(" https://odd\\issuer\n#x=1:2").start()) {
            assertThat(load(odd.settingsAsProperties())).isEqualTo(odd.settings())
                    .containsEntry("cognito.issuer", " https://odd\\issuer\n#x=1:2");
        }
    }

    @Test
    void aPoolOfOnesOwnSettingsAndKey() throws Exception {
        SigningKey key = SigningKey.generate("my-kid");
        try (TestUserPool pool = TestUserPool.builder().region("us-east-2").userPoolId("us-east-2_Abc")
                .clientId("myclient").signingKey(key).start()) {
            assertThat(pool.settings()).containsEntry("cognito.region", "us-east-2")
                    .containsEntry("cognito.user-pool-id", "us-east-2_Abc").containsEntry("cognito.client-id", "myclient")
                    .containsEntry("cognito.issuer", "https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Abc");
            String token = pool.accessToken().sign();
            assertThat(JWSObject.parse(token).verify(new RSASSAVerifier(key.publicJwk()))).isTrue();
            assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo("my-kid");
        }
    }

    @Test
    void aClosedPoolRefusesConnections() throws Exception {
        TestUserPool pool = TestUserPool.start();
        URI jwks = URI.create(pool.settings().get("cognito.jwks-uri"));
        assertThat(JWKSet.load(jwks.toURL()).getKeys()).hasSize(1);

        pool.close();

        assertThatThrownBy(() -> JWKSet.load(jwks.toURL())).isInstanceOf(ConnectException.class);
    }

    @Test
    void misuseIsAClearError() throws Exception {
        assertThatThrownBy(() -> TokenBuilder.access("https://issuer", "client").sign())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No signing key");
        RSAKey publicOnly = POOL.signingKey().publicJwk();
        assertThatThrownBy(() -> SigningKey.of(publicOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private part");
        assertThatThrownBy(() -> POOL.accessToken().claim("exp", new Object()).sign())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no JWT claim set");
    }

    /**
     * What is wrong with {@code token} for an application of {@link #POOL} that expects {@code use} tokens, checked
     * without the kit: its JWKS fetched over HTTP, the header, the signature, then the claims. A token that fails
     * one check is not looked at further, as a verifier stops at the first failure.
     */
    private static Set<TokenFlaw> defects(String token, String use) throws Exception {
        Set<TokenFlaw> found = new LinkedHashSet<>();
        JWKSet jwks = JWKSet.load(URI.create(POOL.settings().get("cognito.jwks-uri")).toURL());
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (java.text.ParseException e) { // not a JWS: only alg none may be that
            Header header = Header.parse(JOSEObject.split(token)[0]);
            assertThat(header.getAlgorithm().getName()).as(e.getMessage()).isEqualTo("none");
            assertThat(header.getCustomParam("kid")).isEqualTo(POOL.signingKey().keyId());
            return Set.of(TokenFlaw.ALG_NONE);
        }
        if (jws.getHeader().getAlgorithm().equals(JWSAlgorithm.HS256)) {
            assertThat(jws.verify(new MACVerifier(POOL.signingKey().publicJwk().toRSAPublicKey().getEncoded())))
                    .as("keyed with the public key's bytes").isTrue();
            return Set.of(TokenFlaw.HS256_WITH_PUBLIC_KEY);
        }
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWK key = jwks.getKeyByKeyId(jws.getHeader().getKeyID());
        if (key == null) {
            return Set.of(TokenFlaw.UNKNOWN_KEY);
        }
        if (!jws.verify(new RSASSAVerifier(key.toRSAKey()))) {
            return Set.of(TokenFlaw.BAD_SIGNATURE);
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        Instant now = NOW;
        if (!POOL.issuer().equals(claims.get("iss"))) {
            found.add(TokenFlaw.WRONG_ISSUER);
        }
        if (!use.equals(claims.get("token_use"))) {
            found.add(TokenFlaw.WRONG_TOKEN_USE);
        } else if (!POOL.clientId().equals(claims.get(use.equals("access") ? "client_id" : "aud"))) {
            found.add(TokenFlaw.WRONG_CLIENT);
        }
        if (now.isAfter(Instant.ofEpochSecond(((Number) claims.get("exp")).longValue()).plus(SKEW))) {
            found.add(TokenFlaw.EXPIRED);
        }
        assertThat(Instant.ofEpochSecond(((Number) claims.get("iat")).longValue())).isBeforeOrEqualTo(now.plus(SKEW));
        assertThat(claims.get("access".equals(claims.get("token_use")) ? "username" : "cognito:username"))
                .as("the user name, where the token's own token_use puts it").isInstanceOf(String.class);
        return found;
    }

    private static Map<String, Object> payload(String token) throws java.text.ParseException {
        return JSONObjectUtils.parse(JOSEObject.split(token)[1].decodeToString());
    }

    private static Map<Object, Object> load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
