package dev.cognitoee.testkit;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * One RSA key the pool does not know, generated once per JVM (a 2048-bit key takes a noticeable fraction of a
 * second): the key of the flawed tokens that must not verify, under whichever kid they claim.
 */
final class StrangerKey {

    private static final SigningKey KEY = SigningKey.generate("stranger");

    private StrangerKey() {
    }

    /** The stranger's key pair, published (if at all) under {@code keyId}. */
    static SigningKey labelled(String keyId) {
        return SigningKey.of(new RSAKey.Builder(KEY.rsaKey()).keyID(keyId).build());
    }
}
