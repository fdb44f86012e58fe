package dev.cognitoee.it.demo;

import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.LocalS3;
import dev.cognitoee.it.support.PayaraMicroProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the demo runs on, started in order: the user pool emulator (seeded with {@link DemoPool}), the
 * identity-pool stand-in that trusts it, S3Proxy accepting that pool's credentials, and Payara Micro with the
 * {@link DemoWar}, configured through system properties. {@link #close} stops them all.
 */
public final class DemoStack implements AutoCloseable {

    public static final String IDENTITY_POOL_ID = "us-east-1:de30de30-0000-4000-8000-0000000de330";

    private final CognitoLocal emulator;
    private final DemoPool pool;
    private final FakeCognitoIdentity identity;
    private final LocalS3 s3;
    private final Map<String, String> settings;
    private PayaraMicroProcess payara;

    private DemoStack(CognitoLocal emulator, DemoPool pool, FakeCognitoIdentity identity, LocalS3 s3) {
        this.emulator = emulator;
        this.pool = pool;
        this.identity = identity;
        this.s3 = s3;
        settings = new LinkedHashMap<>();
        settings.put("cognito.region", CognitoLocal.REGION.id());
        settings.put("cognito.user-pool-id", pool.poolId());
        settings.put("cognito.client-id", pool.clientId());
        settings.put("cognito.endpoint", emulator.endpoint().toString());
        settings.put("cognito.issuer", emulator.issuer(pool.poolId()));
        settings.put("cognito.jwks-uri", emulator.jwksUri(pool.poolId()));
        settings.put("cognito.identity-pool-id", IDENTITY_POOL_ID);
        settings.put("cognito.identity-endpoint", identity.endpoint().toString());
        settings.put("demo.s3-bucket", LocalS3.BUCKET);
        settings.put("demo.s3-endpoint", s3.endpoint().toString());
    }

    /** Starts the stand-ins and Payara Micro (the demo on {@code httpPort}, the emulator on {@code cognitoPort}). */
    public static DemoStack start(int httpPort, int cognitoPort) {
        CognitoLocal emulator = CognitoLocal.startWithoutTriggers(cognitoPort);
        DemoStack stack = null;
        try {
            DemoPool pool = DemoPool.seed(emulator);
            FakeCognitoIdentity identity = FakeCognitoIdentity.start(IDENTITY_POOL_ID, false);
            identity.registerUserPool("cognito-idp." + CognitoLocal.REGION.id() + ".amazonaws.com/" + pool.poolId(),
                    emulator.issuer(pool.poolId()), URI.create(emulator.jwksUri(pool.poolId())),
                    Set.of(pool.clientId()));
            stack = new DemoStack(emulator, pool, identity, LocalS3.start(identity::secretFor));
            stack.payara = PayaraMicroProcess.boot("demo-payara", List.of(DemoWar.build()), httpPort,
                    stack.settings);
            return stack;
        } catch (IOException | RuntimeException e) {
            if (stack != null) {
                stack.close();
            }
            emulator.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The demo's base URL, ending with a slash. */
    public URL url() {
        return payara.url(DemoWar.NAME);
    }

    public CognitoLocal emulator() {
        return emulator;
    }

    public DemoPool pool() {
        return pool;
    }

    public PayaraMicroProcess payara() {
        return payara;
    }

    /** The MicroProfile Config settings Payara runs the demo WAR with. */
    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }

    @Override
    public void close() {
        if (payara != null) {
            payara.close();
        }
        s3.close();
        identity.close();
        emulator.stop();
    }
}
