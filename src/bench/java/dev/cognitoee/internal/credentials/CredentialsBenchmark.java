package dev.cognitoee.internal.credentials;

import dev.cognitoee.internal.session.CognitoTokenProvider;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.TokenRefresher;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import dev.cognitoee.testing.Configs;
import dev.cognitoee.testing.FakeHttp;
import dev.cognitoee.testing.Sealers;
import dev.cognitoee.testing.TokenMinter;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The cost of {@code resolveCredentials()} on the cached path of the module's {@code @Cognito} provider (a
 * signed-in session whose credentials are cached), against a plain {@link StaticCredentialsProvider}, in one run.
 * The identity pool is replaced by a provider that answers at once: what is measured is the module's own work per
 * call (finding the caller in the session, the cache lookup).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(3)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
public class CredentialsBenchmark {

    private AwsCredentialsProvider module;
    private AwsCredentialsProvider plain;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        AwsSessionCredentials credentials = AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "session");
        plain = StaticCredentialsProvider.create(credentials);

        CallerCredentials caller = new CallerCredentials(java.time.Clock.systemUTC());
        caller.config = Configs.of("cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "4f1client",
                "cognito.identity-pool-id", "eu-west-1:00000000-0000-0000-0000-000000000001");
        caller.provider = request -> new CredentialsAndIdentityId(credentials, "eu-west-1:identity",
                Instant.now().plusSeconds(3600));
        FakeHttp browser = new FakeHttp();
        caller.request = browser.request();
        Instant now = Instant.now();
        TokenMinter pool = new TokenMinter("kid");
        String accessToken = pool.access(now);
        SessionStore.signIn(caller.request, new SessionTokens("alice", accessToken,
                pool.sign(TokenMinter.idClaims(now)), Sealers.refreshToken("refresh"), now.plusSeconds(3600)));
        Object sub = TokenMinter.accessClaims(now).get("sub");
        // The request's caller, as the mechanism hands it out for a signed-in session: the session's access token.
        JsonWebToken sessionCaller = (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRawToken" -> accessToken;
                    case "getSubject" -> sub;
                    case "getIssuer" -> TokenMinter.ISSUER;
                    case "getName" -> "alice";
                    case "getClaim" -> "token_use".equals(args[0]) ? "access" : null;
                    default -> null;
                });
        caller.securityContext = (SecurityContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> sessionCaller;
                    case "getPrincipalsByType" -> Set.of(sessionCaller);
                    default -> null;
                });
        // The module's token provider, with tokens never due for a refresh within a run (an hour).
        caller.tokens = new CognitoTokenProvider(caller.request, caller.securityContext, new TokenRefresher() {
            @Override
            public SessionTokens current(HttpSession session, SessionTokens tokens) {
                return tokens;
            }
        });
        module = new CognitoAwsCredentialsProvider(caller);
        if (!"ASIAEXAMPLE".equals(module.resolveCredentials().accessKeyId())) {
            throw new IllegalStateException("the module did not resolve the caller's credentials");
        }
    }

    @Benchmark
    public AwsCredentials staticProvider() {
        return plain.resolveCredentials();
    }

    @Benchmark
    public AwsCredentials cognitoProviderCached() {
        return module.resolveCredentials();
    }
}
