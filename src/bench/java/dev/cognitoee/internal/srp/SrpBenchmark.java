package dev.cognitoee.internal.srp;

import dev.cognitoee.it.support.SrpStandInMath;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an SRP sign-in costs the server's CPU, besides Cognito's two round trips: a fresh secret and its {@code A}
 * ({@code g^a mod N}, 1024-bit exponent), then the password claim ({@code g^x}, and {@code (B - k g^x)^(a + u x)},
 * both mod the 3072-bit N, the hashes, the HKDF and the signature). {@code bench/run-jmh.sh} with
 * {@code JMH_INCLUDE=SrpBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SrpBenchmark {

    private final SecureRandom random = new SecureRandom();
    private PasswordVerifierChallenge challenge;

    @Setup
    public void challenge() {
        SrpStandInMath.Verifier verifier = SrpStandInMath.verifier("AbC123", "alice", "Corr3ct-Horse", random);
        challenge = new PasswordVerifierChallenge("alice", SrpStandInMath.serverHalf(verifier, random).publicValue(),
                verifier.salt(), Base64.getEncoder().encodeToString(new byte[1024]));
    }

    /** SRP_A of a new sign-in. */
    @Benchmark
    public String start() {
        return SrpClient.start(random).publicValueHex();
    }

    /** SRP_A and the answer to the PASSWORD_VERIFIER challenge: the whole client side of one sign-in. */
    @Benchmark
    public PasswordClaim signIn() {
        SrpClient client = SrpClient.start(random);
        client.publicValueHex();
        return client.passwordClaim("AbC123", challenge, "Corr3ct-Horse", Instant.EPOCH);
    }
}
