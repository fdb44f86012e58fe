package dev.cognitoee.internal.srp;

import java.math.BigInteger;

/**
 * The numbers of Cognito's SRP-6a and the way it turns them into bytes. Cognito publishes no specification of its
 * variant; this is the arithmetic of AWS's own clients ({@code AuthenticationHelper} of amazon-cognito-identity-js,
 * Amplify), which {@code SrpAgainstAwsClientTest} checks byte for byte.
 */
final class CognitoSrpGroup {

    /** The 3072-bit MODP prime of RFC 3526, section 4 (RFC 5054's 3072-bit group). */
    static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);

    /** The generator. */
    static final BigInteger G = BigInteger.TWO;

    /** The multiplier {@code k = H(N | g)}, over the bytes of {@link #bytes}. */
    static final BigInteger K = hashToInteger(bytes(N), bytes(G));

    private CognitoSrpGroup() {
    }

    /**
     * Cognito's bytes of a non-negative number: big-endian, as short as possible, with a leading zero byte when the
     * first bit would be set (AWS's {@code padHex}). This is not RFC 5054's padding to the length of N: N itself
     * becomes 385 bytes, {@code g} one. For a non-negative number it is exactly {@link BigInteger#toByteArray()}.
     */
    static byte[] bytes(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("SRP values are never negative");
        }
        return value.toByteArray();
    }

    /** SHA-256 of {@code parts} concatenated, as a non-negative number. */
    static BigInteger hashToInteger(byte[]... parts) {
        return new BigInteger(1, Digests.sha256(parts));
    }
}
