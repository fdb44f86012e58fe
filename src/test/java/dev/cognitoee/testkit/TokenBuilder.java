package dev.cognitoee.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One Cognito-shaped access or id token, claim by claim, with the claims and layout a Cognito user pool gives
 * them. Get one from {@link TestUserPool#accessToken()} or {@link TestUserPool#idToken()}, which set the issuer,
 * app client, signing key and clock of the pool; change what the test needs; then {@link #sign()}.
 *
 * <p>Defaults: user name {@code test-user}; {@code sub} a UUID derived from the user name (so the same user keeps
 * the same {@code sub} across tokens, as in Cognito); no groups (Cognito then leaves {@code cognito:groups} out);
 * issued now by the clock; valid for one hour; fresh random {@code jti}, {@code origin_jti} and {@code event_id}
 * on every {@link #sign()}. A builder may be signed again and again; it is not thread-safe.
 */
public final class TokenBuilder {

    /** Which of Cognito's two JWTs. */
    private enum Use {
        ACCESS("access"), ID("id");

        final String claim;

        Use(String claim) {
            this.claim = claim;
        }

        Use other() {
            return this == ACCESS ? ID : ACCESS;
        }
    }

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final String ANOTHER_CLIENT = "anotherappclient";

    private final Use use;
    private String issuer;
    private String clientId;
    private SigningKey signingKey;
    private Clock clock = Clock.systemUTC();
    private String username = "test-user";
    private String sub;
    private List<String> groups = List.of();
    private Instant issuedAt;
    private Instant expiresAt;
    private Duration lifetime = DEFAULT_LIFETIME;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private TokenFlaw flaw;

    private TokenBuilder(Use use, String issuer, String clientId) {
        this.use = use;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * An access token ({@code token_use=access}, {@code client_id}, {@code scope}, {@code username}) of a pool
     * of one's own; prefer {@link TestUserPool#accessToken()}.
     *
     * @param issuer   the {@code iss}
     * @param clientId the app client id, in {@code client_id}
     * @return the builder; it needs a {@link #signingKey(SigningKey)} before {@link #sign()}
     */
    public static TokenBuilder access(String issuer, String clientId) {
        return new TokenBuilder(Use.ACCESS, issuer, clientId);
    }

    /**
     * An id token ({@code token_use=id}, {@code aud}, {@code cognito:username}) of a pool of one's own; prefer
     * {@link TestUserPool#idToken()}.
     *
     * @param issuer   the {@code iss}
     * @param clientId the app client id, in {@code aud}
     * @return the builder; it needs a {@link #signingKey(SigningKey)} before {@link #sign()}
     */
    public static TokenBuilder id(String issuer, String clientId) {
        return new TokenBuilder(Use.ID, issuer, clientId);
    }

    /**
     * The user name: {@code username} in an access token, {@code cognito:username} in an id token.
     *
     * @param name the user name
     * @return this builder
     */
    public TokenBuilder username(String name) {
        this.username = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The user's immutable id, {@code sub}, instead of the one derived from the user name.
     *
     * @param subject the {@code sub}
     * @return this builder
     */
    public TokenBuilder sub(String subject) {
        this.sub = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * The user's groups, in {@code cognito:groups} (the module's roles by default); none leaves the claim out.
     *
     * @param names the group names
     * @return this builder
     */
    public TokenBuilder groups(String... names) {
        this.groups = List.of(names);
        return this;
    }

    /**
     * The app client the token is issued to, instead of the pool's.
     *
     * @param id the {@code client_id} (access token) or {@code aud} (id token)
     * @return this builder
     */
    public TokenBuilder clientId(String id) {
        this.clientId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * The issuer, instead of the pool's.
     *
     * @param iss the {@code iss}
     * @return this builder
     */
    public TokenBuilder issuer(String iss) {
        this.issuer = Objects.requireNonNull(iss, "iss");
        return this;
    }

    /**
     * The key that signs, with its kid.
     *
     * @param key the pool's key (or another one, to test a foreign key)
     * @return this builder
     */
    public TokenBuilder signingKey(SigningKey key) {
        this.signingKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Where "now" comes from when no {@link #issuedAt(Instant)} is set.
     *
     * @param now the clock; the system's UTC clock by default
     * @return this builder
     */
    public TokenBuilder clock(Clock now) {
        this.clock = Objects.requireNonNull(now, "now");
        return this;
    }

    /**
     * When the token was issued ({@code iat} and {@code auth_time}), instead of the clock's now.
     *
     * @param at the issue time
     * @return this builder
     */
    public TokenBuilder issuedAt(Instant at) {
        this.issuedAt = Objects.requireNonNull(at, "at");
        return this;
    }

    /**
     * When the token expires ({@code exp}); otherwise the issue time plus the {@link #lifetime(Duration)}.
     *
     * @param at the expiry
     * @return this builder
     */
    public TokenBuilder expiresAt(Instant at) {
        this.expiresAt = Objects.requireNonNull(at, "at");
        return this;
    }

    /**
     * How long after its issue the token expires, when no {@link #expiresAt(Instant)} is set.
     *
     * @param duration the lifetime; one hour by default, as Cognito's
     * @return this builder
     */
    public TokenBuilder lifetime(Duration duration) {
        this.lifetime = Objects.requireNonNull(duration, "duration");
        return this;
    }

    /**
     * Sets a claim, adding it or replacing the one the builder would write (replacing keeps its place).
     *
     * @param name  the claim's name
     * @param value a JSON value: a String, Number, Boolean, List or Map of them
     * @return this builder
     */
    public TokenBuilder claim(String name, Object value) {
        extra.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        removed.remove(name);
        return this;
    }

    /**
     * Leaves a claim out, for a token that lacks one.
     *
     * @param name the claim's name
     * @return this builder
     */
    public TokenBuilder withoutClaim(String name) {
        extra.remove(Objects.requireNonNull(name, "name"));
        removed.add(name);
        return this;
    }

    /**
     * Makes the token deliberately bad in one way, for a test of the application's 401s.
     *
     * @param kind what is wrong with it; {@code null} for a valid token again
     * @return this builder
     */
    public TokenBuilder flaw(TokenFlaw kind) {
        this.flaw = kind;
        return this;
    }

    /**
     * The claims the token will carry, without its flaw, in Cognito's order. Random ids are fresh on each call.
     *
     * @return a new mutable map
     */
    public Map<String, Object> claims() {
        return claims(use);
    }

    /**
     * Signs the token as described, with its {@link #flaw(TokenFlaw) flaw} if one is set.
     *
     * @return the compact serialisation, ready for {@code Authorization: Bearer}
     * @throws IllegalStateException if no signing key is set
     */
    public String sign() {
        if (signingKey == null) {
            throw new IllegalStateException("No signing key: call signingKey(...) or get the builder from a TestUserPool");
        }
        if (flaw == null) {
            return signingKey.sign(claims(use));
        }
        return switch (flaw) {
            case EXPIRED -> signingKey.sign(expired(claims(use)));
            case WRONG_ISSUER -> signingKey.sign(with(claims(use), "iss", issuer + "Other"));
            case WRONG_CLIENT -> signingKey.sign(with(claims(use), use == Use.ACCESS ? "client_id" : "aud",
                    ANOTHER_CLIENT));
            case WRONG_TOKEN_USE -> signingKey.sign(claims(use.other()));
            case ALG_NONE -> algNone(claims(use));
            case HS256_WITH_PUBLIC_KEY -> hs256WithPublicKey(claims(use));
            case UNKNOWN_KEY -> StrangerKey.labelled(signingKey.keyId() + "-unpublished").sign(claims(use));
            case BAD_SIGNATURE -> StrangerKey.labelled(signingKey.keyId()).sign(claims(use));
        };
    }

    private Map<String, Object> claims(Use kind) {
        Instant iat = issuedAt != null ? issuedAt : clock.instant();
        Instant exp = expiresAt != null ? expiresAt : iat.plus(lifetime);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub != null ? sub : UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        if (!groups.isEmpty()) {
            claims.put("cognito:groups", groups);
        }
        claims.put("iss", issuer);
        if (kind == Use.ACCESS) {
            claims.put("client_id", clientId);
        } else {
            claims.put("cognito:username", username);
            claims.put("aud", clientId);
        }
        claims.put("origin_jti", UUID.randomUUID().toString());
        claims.put("event_id", UUID.randomUUID().toString());
        claims.put("token_use", kind.claim);
        if (kind == Use.ACCESS) {
            claims.put("scope", "aws.cognito.signin.user.admin");
        }
        claims.put("auth_time", iat.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        claims.put("iat", iat.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        if (kind == Use.ACCESS) {
            claims.put("username", username);
        }
        claims.putAll(extra);
        claims.keySet().removeAll(removed);
        return claims;
    }

    private static Map<String, Object> expired(Map<String, Object> claims) {
        long now = ((Number) claims.get("iat")).longValue();
        claims.put("auth_time", now - Duration.ofHours(2).toSeconds());
        claims.put("iat", now - Duration.ofHours(2).toSeconds());
        claims.put("exp", now - Duration.ofHours(1).toSeconds());
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    /**
     * {@code "alg":"none"} under the pool's kid, with the signature of the same claims left in place: an empty
     * signature would be refused for its shape before its header is looked at.
     */
    private String algNone(Map<String, Object> claims) {
        String signed = signingKey.sign(claims);
        String unsigned = new PlainJWT(new PlainHeader.Builder().customParam("kid", signingKey.keyId()).build(),
                claimSet(claims)).serialize();
        return unsigned + signed.substring(signed.lastIndexOf('.') + 1);
    }

    private String hs256WithPublicKey(Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.keyId()).build(),
                    claimSet(claims));
            jwt.sign(new MACSigner(signingKey.publicJwk().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with HS256", e);
        }
    }

    private static JWTClaimsSet claimSet(Map<String, Object> claims) {
        try {
            return JWTClaimsSet.parse(claims);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Claims that are no JWT claim set: " + e.getMessage(), e);
        }
    }
}
