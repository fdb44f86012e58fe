package dev.cognitoee.internal.observe;

import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.token.BearerTokenVerifier;
import dev.cognitoee.internal.token.CognitoTokenVerifier;
import dev.cognitoee.internal.token.KeysState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Whether the module can serve: the default pool's signing keys are in service or can be fetched, and the Cognito
 * User Pool endpoint answers. The keys of the other trusted issuers ({@code cognito.pools},
 * {@code cognito.oidc-issuers}) are reported too, as {@code jwks.<name>}, without deciding the result. Built for an endpoint that load balancers and orchestrators poll every second, or that
 * anyone may call in a loop:
 * <ul>
 *   <li>a result is reused for {@link #RESULT_TIME_TO_LIVE}: polls in between cost nothing, and reach neither
 *       Cognito nor the JWKS endpoint;</li>
 *   <li>one probe at a time: a poll that finds a probe running gets the last result at once (the very first waits
 *       for it, bounded);</li>
 *   <li>every probe is bounded: the endpoint by the module's timeouts capped at {@link #TIMEOUT_CAP} each; the keys
 *       by {@code SigningKeys}, which fetches only when it has no set yet, one fetch at a time, and not again within
 *       its failure memory;</li>
 *   <li>keys already fetched stay "in service" while their endpoint fails (the module serves tokens with them), so
 *       a JWKS outage does not take every node of a cluster out of service at once.</li>
 * </ul>
 */
@ApplicationScoped
public class ReadinessProbe {

    static final Duration RESULT_TIME_TO_LIVE = Duration.ofSeconds(5);
    static final Duration TIMEOUT_CAP = Duration.ofSeconds(2);

    @Inject
    CognitoConfig config;

    @Inject
    CognitoTokenVerifier verifier;

    @Inject
    BearerTokenVerifier bearerVerifier;

    private final ReentrantLock probing = new ReentrantLock();
    private final LongSupplier nanoTime;
    private volatile Result last;

    public ReadinessProbe() {
        this(System::nanoTime);
    }

    ReadinessProbe(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The last result while it is fresh, else a new probe's (or the last one, while another probe runs). */
    public ReadinessReport current() {
        Result known = last;
        if (known != null && nanoTime.getAsLong() - known.at < RESULT_TIME_TO_LIVE.toNanos()) {
            return known.readiness;
        }
        if (!lock(known == null)) {
            return known != null ? known.readiness
                    : new ReadinessReport(false, Map.of("probe", "the first readiness probe is still running"));
        }
        try {
            Result latest = last;
            if (latest != null && nanoTime.getAsLong() - latest.at < RESULT_TIME_TO_LIVE.toNanos()) {
                return latest.readiness;
            }
            ReadinessReport readiness = probe();
            last = new Result(readiness, nanoTime.getAsLong());
            return readiness;
        } finally {
            probing.unlock();
        }
    }

    /** Without a result yet, waits for a running probe as long as one may take; with one, not at all. */
    private boolean lock(boolean first) {
        if (!first) {
            return probing.tryLock();
        }
        try {
            return probing.tryLock(probeBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ReadinessReport probe() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("issuer", config.issuer());
        data.put("jwksUri", withoutUserInfo(config.jwksUri()));
        KeysState keys = verifier.keysState();
        data.put("jwks", describe(keys));
        // Shown, but not deciding: taking a node out of service would refuse the default pool's users too, and
        // every node sees the same outage of another issuer's endpoint.
        bearerVerifier.otherIssuersKeys(verifier).forEach((name, state) -> data.put("jwks." + name, describe(state)));
        URI endpoint = userPoolEndpoint();
        data.put("endpoint", withoutUserInfo(endpoint));
        String failure = EndpointProbe.failure(endpoint, min(config.connectTimeout()), min(config.readTimeout()));
        data.put("cognito", failure == null ? "UP" : "DOWN: " + failure);
        return new ReadinessReport(keys.inService() && failure == null, data);
    }

    private static String describe(KeysState keys) {
        return keys.inService() ? keys.lastFailure() == null ? "UP"
                : "UP (cached keys in service; the last fetch failed: " + keys.lastFailure() + ")"
                : "DOWN: " + keys.lastFailure();
    }

    /** The User Pool API endpoint the module calls: {@code cognito.endpoint}, or the region's. */
    private URI userPoolEndpoint() {
        return config.endpoint() != null ? config.endpoint()
                : URI.create("https://cognito-idp." + config.region() + ".amazonaws.com/");
    }

    private Duration probeBound() {
        // each issuer's first fetch of its keys (connect + read, and a margin), then the endpoint's GET
        return config.callTimeout().multipliedBy(1 + config.otherIssuers().size()).plus(min(config.connectTimeout())).plus(min(config.readTimeout()));
    }

    private static Duration min(Duration timeout) {
        return timeout.compareTo(TIMEOUT_CAP) < 0 ? timeout : TIMEOUT_CAP;
    }

    /** The URI without a user name or password it might carry. */
    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private record Result(ReadinessReport readiness, long at) {
    }
}
