package dev.cognitoee.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;

/**
 * An RSA-2048 key pair with a key id, as a Cognito user pool signs its tokens with: signs claim sets RS256 with the
 * kid in the header. Its public half is what a {@link JwksEndpoint} publishes.
 */
public final class SigningKey {

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    /**
     * A new random key.
     *
     * @param keyId the {@code kid} the key signs with and is published under
     * @return the key
     */
    public static SigningKey generate(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        try {
            return new SigningKey(new RSAKeyGenerator(2048).keyID(keyId).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /**
     * An existing key, for example one generated from a fixed seed so that tokens are the same on every run.
     *
     * @param key an RSA key with its private part and a key id
     * @return the key
     * @throws IllegalArgumentException if {@code key} has no private part or no key id
     */
    public static SigningKey of(RSAKey key) {
        Objects.requireNonNull(key, "key");
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalArgumentException("A signing key needs its private part and a key id (kid)");
        }
        return new SigningKey(key);
    }

    /**
     * The key id.
     *
     * @return the {@code kid} of this key
     */
    public String keyId() {
        return key.getKeyID();
    }

    /**
     * The whole key, private part included, as Nimbus holds it.
     *
     * @return the key pair
     */
    public RSAKey rsaKey() {
        return key;
    }

    /**
     * The public half, as a JWKS publishes it.
     *
     * @return the public key with its key id
     */
    public RSAKey publicJwk() {
        return key.toPublicJWK();
    }

    /**
     * Signs {@code claims} with RS256 under a header that names this key's kid, as Cognito does.
     *
     * @param claims the payload's claims (values: strings, numbers, booleans, lists, maps)
     * @return the compact serialisation, {@code header.payload.signature}
     */
    public String sign(Map<String, Object> claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId()).build(), claims);
    }

    /**
     * Signs {@code claims} with this key under a header of the caller's choosing (no kid, another RSA algorithm,
     * extra parameters), to test how a verifier treats odd headers.
     *
     * @param header the JWS header; its algorithm must be an RSA one
     * @param claims the payload's claims
     * @return the compact serialisation
     */
    public String sign(JWSHeader header, Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (ParseException e) {
            throw new IllegalArgumentException("Claims that are no JWT claim set: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with " + header.getAlgorithm(), e);
        }
    }
}
