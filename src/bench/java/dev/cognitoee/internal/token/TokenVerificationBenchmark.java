package dev.cognitoee.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
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
 * The module's verifier against the raw JDK RS256 verification of the same Cognito-shaped access token
 * (RS256-2048, {@code kid} header, about 1 kB), in the same run.
 *
 * <ul>
 *   <li>{@code rawJdkVerify}: split, base64url-decode the signature, {@code Signature.getInstance}, initVerify,
 *       update, verify: what any correct verifier must at least do for a token it has never seen.</li>
 *   <li>{@code rawJdkVerifyReusedSignature}: the same with one {@link Signature} per thread: the absolute floor.</li>
 *   <li>{@code firstSight}: the module's verifier with its verified-token cache off
 *       ({@code cognito.token-cache-size=0}): format check, header, key lookup, RSA verify, payload JSON parse,
 *       claim rules.</li>
 *   <li>{@code repeatToken}: the module's verifier with the default cache (10000): the cache-hit path.</li>
 *   <li>{@code cacheHitCounter}: the one metrics counter that path increments ({@code LongAdder}), alone: its
 *       share of {@code repeatToken} is what the metrics of issue 16 cost the cached bearer path.</li>
 * </ul>
 *
 * The annotations are defaults; the recorded run sets forks, warm-up and measurement on the command line
 * (see bench/run-jmh.sh).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(5)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
public class TokenVerificationBenchmark {

    private static final String KID = "bench-key-1";

    private String token;
    private RSAPublicKey publicKey;
    private Signature reusedSignature;
    private CognitoTokenVerifier uncachedVerifier;
    private CognitoTokenVerifier cachedVerifier;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TokenMinter minter = new TokenMinter(KID);
        Instant now = Instant.now();
        // exp far ahead of the real clock, so that a long run never sees the token expire
        token = minter.access(now, claims -> claims.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond()));
        publicKey = publicKey(minter);
        reusedSignature = Signature.getInstance("SHA256withRSA");

        JWKSet keys = new JWKSet(minter.key().toPublicJWK());
        Clock clock = Clock.systemUTC();
        uncachedVerifier = new CognitoTokenVerifier(config("cognito.token-cache-size", "0"),
                new SigningKeys(new FixedJwkSetSource(keys), clock), clock);
        cachedVerifier = new CognitoTokenVerifier(config(),
                new SigningKeys(new FixedJwkSetSource(keys), clock), clock);

        // Fail fast: every path must accept the token, and each verifier must be configured as claimed.
        check(token.length() > 900 && token.length() < 1400, "token is not Cognito-sized: " + token.length());
        check(rawJdkVerify(), "rawJdkVerify rejected the token");
        check(rawJdkVerifyReusedSignature(), "rawJdkVerifyReusedSignature rejected the token");
        check(uncachedVerifier.cache() == null, "firstSight verifier has a cache");
        check(cachedVerifier.cache() != null, "repeatToken verifier has no cache");
        check("alice".equals(firstSight().callerName()), "firstSight: wrong caller");
        check("alice".equals(repeatToken().callerName()), "repeatToken: wrong caller");
        check(cachedVerifier.cache().size() == 1, "repeatToken: token not cached");
        check(!rawJdkVerify(tampered(token)), "rawJdkVerify accepted a tampered token");
        try {
            uncachedVerifier.verify(tampered(token));
            throw new IllegalStateException("firstSight accepted a tampered token");
        } catch (TokenRejectedException expected) {
            // as it should
        }
        System.out.println("\n[bench] token length " + token.length() + " chars, kid " + KID + ", RS256-2048, "
                + "Nimbus " + com.nimbusds.jose.JWSObject.class.getPackage().getImplementationVersion()
                + ", JSON-P " + jakarta.json.spi.JsonProvider.provider().getClass().getName());
    }

    @Benchmark
    public boolean rawJdkVerify() throws GeneralSecurityException {
        return rawJdkVerify(token);
    }

    @Benchmark
    public boolean rawJdkVerifyReusedSignature() throws GeneralSecurityException {
        String t = token;
        int lastDot = t.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(t.substring(lastDot + 1));
        Signature verifier = reusedSignature;
        verifier.initVerify(publicKey);
        verifier.update(t.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    @Benchmark
    public VerifiedToken firstSight() throws TokenRejectedException, SigningKeysUnavailableException {
        return uncachedVerifier.verify(token);
    }

    @Benchmark
    public VerifiedToken repeatToken() throws TokenRejectedException, SigningKeysUnavailableException {
        return cachedVerifier.verify(token);
    }

    @Benchmark
    public void cacheHitCounter() {
        Metrics.TOKEN_CACHE_HITS.increment();
    }

    private boolean rawJdkVerify(String t) throws GeneralSecurityException {
        int firstDot = t.indexOf('.');
        int lastDot = t.lastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) {
            return false;
        }
        byte[] signature = Base64.getUrlDecoder().decode(t.substring(lastDot + 1));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(t.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    private static RSAPublicKey publicKey(TokenMinter minter) throws JOSEException {
        return minter.key().toRSAPublicKey();
    }

    /** {@code t} with one character of its payload changed. */
    private static String tampered(String t) {
        int i = t.indexOf('.') + 5;
        char c = t.charAt(i) == 'A' ? 'B' : 'A';
        return t.substring(0, i) + c + t.substring(i + 1);
    }

    static CognitoConfig config(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("cognito.user-pool-id", "eu-west-1_TestPool1");
        settings.put("cognito.client-id", TokenMinter.CLIENT_ID + ",otherclient456");
        // Never fetched: the keys come from FixedJwkSetSource.
        settings.put("cognito.jwks-uri", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1/.well-known/jwks.json");
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return Configs.of(settings);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
