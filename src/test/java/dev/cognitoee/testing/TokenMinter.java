package dev.cognitoee.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cognitoee.testkit.SigningKey;
import dev.cognitoee.testkit.TokenBuilder;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Signs Cognito-shaped tokens with a key of its own, as a user pool does: the project's fixed test user "alice",
 * with fixed ids, on top of the test kit ({@link TokenBuilder}, {@link SigningKey}), which does the work.
 */
public final class TokenMinter {

    public static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    public static final String CLIENT_ID = "testclient123";

    private final SigningKey key;

    public TokenMinter(String kid) {
        this.key = SigningKey.generate(kid);
    }

    public TokenMinter(RSAKey key) {
        this.key = SigningKey.of(key);
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
        return key.rsaKey();
    }

    /** The claims of a Cognito access token of user "alice" in groups admin and user, issued at {@code now}. */
    public static Map<String, Object> accessClaims(Instant now) {
        return alice(TokenBuilder.access(ISSUER, CLIENT_ID), now)
                .claim("origin_jti", "0b7a6d0e-aaaa-bbbb-cccc-ddddeeeeffff")
                .claim("event_id", "1e2d3c4b-aaaa-bbbb-cccc-ddddeeeeffff")
                .claim("jti", "2c3d4e5f-aaaa-bbbb-cccc-ddddeeeeffff")
                .claims();
    }

    /** The claims of a Cognito id token of "alice" for the test client (no jti, origin_jti, event_id). */
    public static Map<String, Object> idClaims(Instant now) {
        return alice(TokenBuilder.id(ISSUER, CLIENT_ID), now)
                .withoutClaim("origin_jti").withoutClaim("event_id").withoutClaim("jti")
                .claim("email", "alice@example.com")
                .claims();
    }

    private static TokenBuilder alice(TokenBuilder token, Instant now) {
        return token.username("alice").sub("6f1c0d2e-1111-2222-3333-444455556666").groups("admin", "user")
                .issuedAt(now);
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
        return key.sign(claims);
    }

    public String sign(JWSHeader header, Map<String, Object> claims) {
        return key.sign(header, claims);
    }

    /** {@code token} with its payload replaced by {@code json}, the signature kept. */
    public static String withPayload(String token, String json) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + base64Url(json) + "." + parts[2];
    }

    public static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
