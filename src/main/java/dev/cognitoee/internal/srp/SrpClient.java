package dev.cognitoee.internal.srp;

import static dev.cognitoee.internal.srp.CognitoSrpGroup.G;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.K;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.N;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.bytes;
import static dev.cognitoee.internal.srp.CognitoSrpGroup.hashToInteger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * The client side of one USER_SRP_AUTH sign-in, in Cognito's SRP-6a variant: a fresh secret {@code a}, the public
 * value {@code A = g^a mod N} sent as SRP_A, then the password claim that answers Cognito's PASSWORD_VERIFIER
 * challenge. The password is only hashed into {@code x}; what reaches Cognito proves it without revealing it.
 *
 * <p>Cognito's steps: {@code u = H(A | B)}, {@code x = H(salt | H(poolName | userIdForSrp | ":" | password))},
 * {@code S = (B - k g^x)^(a + u x) mod N}, the key = HKDF-SHA256(salt {@code u}, secret {@code S}, info "Caldera
 * Derived Key", 16 bytes), and the signature = HMAC-SHA256(key, poolName | userIdForSrp | secret block |
 * timestamp). Every number is hashed in Cognito's bytes ({@link CognitoSrpGroup#bytes}). Not thread-safe: one
 * instance per sign-in.
 */
public final class SrpClient {

    private static final byte[] KEY_INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_LENGTH = 16;
    /** The size of {@code a}, as AWS's clients draw it (1024 bits). */
    private static final int SECRET_BYTES = 128;

    private final BigInteger secret;
    private final BigInteger publicValue;

    SrpClient(BigInteger secret) {
        this.secret = secret;
        this.publicValue = G.modPow(secret, N);
    }

    /** A sign-in with a secret drawn from {@code random}. */
    public static SrpClient start(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new SrpClient(new BigInteger(1, secret));
    }

    /** {@code A} in hexadecimal, Cognito's SRP_A. */
    public String publicValueHex() {
        return publicValue.toString(16);
    }

    /**
     * The answer to {@code challenge}.
     *
     * @param poolName the user pool id's part after the underscore
     * @param password the password typed
     * @param now      the moment of the answer (its TIMESTAMP)
     * @throws SrpException when the challenge must not be answered
     */
    public PasswordClaim passwordClaim(String poolName, PasswordVerifierChallenge challenge, String password,
                                       Instant now) {
        byte[] key = passwordAuthenticationKey(poolName, challenge.userIdForSrp(), password,
                challenge.serverPublic(), challenge.salt());
        String timestamp = CognitoTimestamp.format(now);
        byte[] signature = Digests.hmacSha256(key, utf8(poolName), utf8(challenge.userIdForSrp()),
                Base64.getDecoder().decode(challenge.secretBlock()), utf8(timestamp));
        return new PasswordClaim(challenge.userIdForSrp(), challenge.secretBlock(), timestamp,
                Base64.getEncoder().encodeToString(signature));
    }

    /** {@code A}. */
    BigInteger publicValue() {
        return publicValue;
    }

    /** {@code u = H(A | B)}. */
    BigInteger scramblingParameter(BigInteger serverPublic) {
        return hashToInteger(bytes(publicValue), bytes(serverPublic));
    }

    /** The 16-byte key the signature is made with. */
    byte[] passwordAuthenticationKey(String poolName, String userIdForSrp, String password, BigInteger serverPublic,
                                     BigInteger salt) {
        // B = 0 (mod N) or u = 0 would let the sender compute S without the password (RFC 5054, section 2.5.4).
        if (serverPublic.mod(N).signum() == 0) {
            throw new SrpException("SRP_B of the PASSWORD_VERIFIER challenge is 0 modulo N");
        }
        BigInteger u = scramblingParameter(serverPublic);
        if (u.signum() == 0) {
            throw new SrpException("u = H(A | B) is 0 for SRP_B of the PASSWORD_VERIFIER challenge");
        }
        byte[] identityHash = Digests.sha256(utf8(poolName + userIdForSrp + ":" + password));
        BigInteger x = hashToInteger(bytes(salt), identityHash);
        BigInteger base = serverPublic.subtract(K.multiply(G.modPow(x, N))).mod(N);
        BigInteger sessionSecret = base.modPow(secret.add(u.multiply(x)), N);
        return Hkdf.derive(bytes(u), bytes(sessionSecret), KEY_INFO, KEY_LENGTH);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
