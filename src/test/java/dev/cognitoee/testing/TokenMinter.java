package dev.cognitoee.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Signs Cognito-shaped tokens with a key of its own, as a user pool does. */
public final class TokenMinter {

    public static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    public static final String CLIENT_ID = "testclient123";

    private final RSAKey key;

    public TokenMinter(String kid) {
        this(generate(kid));
    }

    public TokenMinter(RSAKey key) {
        this.key = key;
    }

    /**
     * A minter whose key is the same on every run (RSA generated from a PRNG seeded with {@code seed}), so that a
     * test that mutates its tokens, fuzzing say, sees the same bytes again when it is run again.
     */
    public static TokenMinter seeded(String kid, long seed) {
        try {
            java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed); // before any other use: SHA1PRNG is then a deterministic generator
            return new TokenMinter(new RSAKeyGenerator(2048).keyID(kid).secureRandom(random).generate());
        } catch (java.security.NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey key() {
        return key;
    }

    /** The claims of a Cognito access token of user "alice" in groups admin and user, issued at {@code now}. */
    public static Map<String, Object> accessClaims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "6f1c0d2e-1111-2222-3333-444455556666");
        claims.put("cognito:groups", List.of("admin", "user"));
        claims.put("iss", ISSUER);
        claims.put("client_id", CLIENT_ID);
        claims.put("origin_jti", "0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff");
        claims.put("event_id", "1e2d3c4b-aaaa-bbbb-cccc-ddddeeeeffff");
        claims.put("token_use", "access");
        claims.put("scope", "aws.cognito.signin.user.admin");
        claims.put("auth_time", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", "2c3d4e5f-aaaa-bbbb-cccc-ddddeeeeffff");
        claims.put("username", "alice");
        return claims;
    }

    /** The claims of a Cognito id token of "alice" for the test client. */
    public static Map<String, Object> idClaims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "6f1c0d2e-1111-2222-3333-444455556666");
        claims.put("cognito:groups", List.of("admin", "user"));
        claims.put("iss", ISSUER);
        claims.put("cognito:username", "alice");
        claims.put("aud", CLIENT_ID);
        claims.put("token_use", "id");
        claims.put("auth_time", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("email", "alice@example.com");
        return claims;
    }

    public String access(Instant now) {
        return sign(accessClaims(now));
    }

    public String access(Instant now, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = accessClaims(now);
        change.accept(claims);
        return sign(claims);
    }

    public String sign(Map<String, Object> claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    }

    public String sign(JWSHeader header, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code token} with its payload replaced by {@code json}, the signature kept. */
    public static String withPayload(String token, String json) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(json) + "." + parts[2];
    }

    public static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
