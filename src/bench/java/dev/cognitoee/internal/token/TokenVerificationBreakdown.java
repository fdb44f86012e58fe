package dev.cognitoee.internal.token;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import dev.cognitoee.testing.TokenMinter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diagnostics, not part of the recorded comparison: the cost of each step of {@code firstSight} on its own, in
 * ns/op, so that the gap between the module and the raw JDK verify can be attributed without relying on two
 * noisy throughput figures taken minutes apart. Each step repeats what {@link CognitoTokenVerifier#verify} does.
 * Run with {@code JMH_INCLUDE=TokenVerificationBreakdown bench/run-jmh.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenVerificationBreakdown {

    private static final String KID = "bench-key-1";

    private String token;
    private CompactJws jws;
    private JWSHeader header;
    private SigningKeys signingKeys;
    private RSAPublicKey key;
    private JsonObject claims;
    private CognitoClaimRules claimRules;
    private final JsonReaderFactory jsonReaders = Json.createReaderFactory(Map.of());

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TokenMinter minter = new TokenMinter(KID);
        Instant now = Instant.now();
        token = minter.access(now, c -> c.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond()));
        jws = CompactJws.split(token);
        header = JWSHeader.parse(new Base64URL(jws.header()));
        Clock clock = Clock.systemUTC();
        signingKeys = new SigningKeys(new FixedJwkSetSource(new JWKSet(minter.key().toPublicJWK())), clock);
        key = signingKeys.keyFor(KID).orElseThrow();
        claims = payloadJson();
        if (!claims.equals(payloadJsonFromString())) {
            throw new IllegalStateException("the two payload parses differ");
        }
        claimRules = new CognitoClaimRules(TokenVerificationBenchmark.config(), clock);
        if (!rs256Verify() || !"alice".equals(claimRules().callerName())) {
            throw new IllegalStateException("the token does not verify");
        }
    }

    /** Format check and split into segments (CompactJws.split). */
    @Benchmark
    public CompactJws split() throws TokenRejectedException {
        return CompactJws.split(token);
    }

    /** Key lookup by kid (SigningKeys.keyFor, steady state). */
    @Benchmark
    public Object keyLookup() throws SigningKeysUnavailableException {
        return signingKeys.keyFor(KID);
    }

    /** The RSA work as the module does it: JDK Signature over the token's bytes, signature decoded by the JDK. */
    @Benchmark
    public boolean rs256Verify() throws TokenRejectedException {
        return CognitoTokenVerifier.rs256Verifies(key, jws);
    }

    /** Not what the module does: the signature decoded by Nimbus's Base64URL (inside RSASSAVerifier.verify). */
    @Benchmark
    public byte[] signatureDecodeNimbus() {
        return new Base64URL(token.substring(token.lastIndexOf('.') + 1)).decode();
    }

    /** The signature decoded as the module does (java.util.Base64 on the token's bytes). */
    @Benchmark
    public byte[] signatureDecodeJdk() throws TokenRejectedException {
        return jws.signature();
    }

    /** Not what the module does: the payload parsed from an InputStream (Parsson's charset detection). */
    @Benchmark
    public JsonObject payloadJson() throws TokenRejectedException {
        try (JsonReader reader = jsonReaders.createReader(new ByteArrayInputStream(jws.payload()))) {
            return reader.readObject();
        }
    }

    /** The payload as the module parses it: base64url decode, then Jakarta JSON (Parsson) from a String. */
    @Benchmark
    public JsonObject payloadJsonFromString() throws TokenRejectedException {
        try (JsonReader reader = jsonReaders.createReader(new StringReader(
                new String(jws.payload(), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** The claim rules on an already parsed payload. */
    @Benchmark
    public VerifiedClaims claimRules() throws TokenRejectedException {
        return claimRules.check(claims);
    }

    /** The verified-token cache key: SHA-256 of the token (the repeat path's main cost). */
    @Benchmark
    public Object cacheDigest() {
        return VerifiedTokenCache.digest(token);
    }
}
