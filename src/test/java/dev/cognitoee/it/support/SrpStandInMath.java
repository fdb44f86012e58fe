package dev.cognitoee.it.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The server side of Cognito's SRP, as a <b>stand-in</b> for Cognito computes it: the verifier kept per user, the
 * server's public value {@code B}, and the signature a PASSWORD_VERIFIER answer must carry. Written apart from the
 * module's client ({@code dev.cognitoee.internal.srp}), from the server's equations: {@code v = g^x},
 * {@code B = k v + g^b}, {@code S = (A v^u)^b}, and HKDF by Bouncy Castle, so that a proof it accepts was made by a
 * client that knows the password, not by the same code twice.
 */
public final class SrpStandInMath {

    /** The group's prime (RFC 3526's 3072-bit MODP group). */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);
    private static final BigInteger G = BigInteger.valueOf(2);
    private static final BigInteger K = new BigInteger(1, sha256(signed(N), signed(G)));
    private static final byte[] INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);

    /** What the server keeps of a user's password: the salt and {@code v = g^x mod N}. */
    public record Verifier(BigInteger salt, BigInteger v) {
    }

    /** The server's half of one sign-in: the secret {@code b} and the public {@code B} sent as SRP_B. */
    public record ServerHalf(BigInteger b, BigInteger publicValue) {
    }

    private SrpStandInMath() {
    }

    /** The verifier of {@code password} for the user {@code userIdForSrp} of the pool {@code poolName}. */
    public static Verifier verifier(String poolName, String userIdForSrp, String password, SecureRandom random) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        BigInteger salt = new BigInteger(1, saltBytes);
        BigInteger x = new BigInteger(1, sha256(signed(salt),
                sha256((poolName + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8))));
        return new Verifier(salt, G.modPow(x, N));
    }

    /** A fresh {@code b} and {@code B = (k v + g^b) mod N}. */
    public static ServerHalf serverHalf(Verifier verifier, SecureRandom random) {
        BigInteger b = new BigInteger(1024, random);
        return new ServerHalf(b, K.multiply(verifier.v()).add(G.modPow(b, N)).mod(N));
    }

    /**
     * The PASSWORD_CLAIM_SIGNATURE (raw bytes) a client that knows the password sends for this sign-in.
     *
     * @throws IllegalArgumentException when {@code clientPublic} is 0 modulo N (Cognito refuses such an SRP_A)
     */
    public static byte[] expectedSignature(String poolName, String userIdForSrp, Verifier verifier, ServerHalf server,
                                           BigInteger clientPublic, byte[] secretBlock, String timestamp) {
        if (clientPublic.mod(N).signum() == 0) {
            throw new IllegalArgumentException("SRP_A is 0 modulo N");
        }
        BigInteger u = new BigInteger(1, sha256(signed(clientPublic), signed(server.publicValue())));
        BigInteger sessionSecret = clientPublic.multiply(verifier.v().modPow(u, N)).mod(N).modPow(server.b(), N);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(signed(sessionSecret), signed(u), INFO));
        byte[] key = new byte[16];
        hkdf.generateBytes(key, 0, key.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(poolName.getBytes(StandardCharsets.UTF_8));
            mac.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
            mac.update(secretBlock);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cognito hashes numbers as minimal two's-complement big-endian bytes (a 0x00 in front of a high first bit). */
    private static byte[] signed(BigInteger value) {
        return value.toByteArray();
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
