package dev.cognitoee.it.demo;

import dev.cognitoee.it.support.CognitoLocal;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.HostedUiStandIn;
import dev.cognitoee.it.support.LocalS3;
import dev.cognitoee.it.support.PasskeyStandIn;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestWars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the demo runs on, started in order: the user pool emulator (seeded with {@link DemoPool}), the
 * hosted-UI stand-in in front of it (the emulator's login form and code flow, plus the {@code nonce} and
 * {@code /logout} it lacks), the identity-pool stand-in that trusts it, S3Proxy accepting that pool's credentials, and Payara Micro with the
 * {@link DemoWar}, configured through system properties. The module's {@code cognito.endpoint} is the passkey
 * stand-in ({@link PasskeyStandIn}: relying party {@code localhost}, the demo's origin), which plays Cognito's
 * passkey calls and relays every other call to the emulator. {@link #close} stops them all.
 */
public final class DemoStack implements AutoCloseable {

    public static final String IDENTITY_POOL_ID = "us-east-1:de30de30-0000-4000-8000-0000000de330";

    private final CognitoLocal emulator;
    private final HostedUiStandIn hostedUi;
    private final DemoPool pool;
    private final FakeCognitoIdentity identity;
    private final LocalS3 s3;
    private final PasskeyStandIn passkeys;
    private final Map<String, String> settings;
    private PayaraMicroProcess payara;

    private DemoStack(CognitoLocal emulator, HostedUiStandIn hostedUi, DemoPool pool, URI demoUrl,
                      FakeCognitoIdentity identity, LocalS3 s3, PasskeyStandIn passkeys) {
        this.emulator = emulator;
        this.hostedUi = hostedUi;
        this.pool = pool;
        this.identity = identity;
        this.s3 = s3;
        this.passkeys = passkeys;
        settings = TestWars.poolSettings(emulator, pool.poolId(), pool.clientId());
        settings.put("cognito.endpoint", passkeys.endpoint().toString());
        settings.put("cognito.jwks-uri", hostedUi.jwksUri());
        settings.put("cognito.hosted-ui.endpoint", hostedUi.baseUri().toString());
        settings.put("cognito.redirect-uri", demoUrl.resolve(DemoPool.CALLBACK).toString());
        settings.put("cognito.logout-uri", demoUrl.resolve(DemoPool.SIGNED_OUT).toString());
        settings.put("cognito.identity-pool-id", IDENTITY_POOL_ID);
        settings.put("cognito.identity-endpoint", identity.endpoint().toString());
        settings.put("demo.s3-bucket", LocalS3.BUCKET);
        settings.put("demo.s3-endpoint", s3.endpoint().toString());
    }

    /** Starts the stand-ins and Payara Micro (the demo on {@code httpPort}, the emulator on {@code cognitoPort}). */
    public static DemoStack start(int httpPort, int cognitoPort) {
        CognitoLocal emulator = CognitoLocal.startWithoutTriggers(cognitoPort);
        URI demoUrl = URI.create("http://localhost:" + httpPort + "/" + DemoWar.NAME + "/");
        HostedUiStandIn hostedUi = null;
        FakeCognitoIdentity identity = null;
        LocalS3 s3 = null;
        PasskeyStandIn passkeys = null;
        try {
            DemoPool pool = DemoPool.seed(emulator, demoUrl);
            hostedUi = HostedUiStandIn.start(emulator, pool.poolId());
            identity = FakeCognitoIdentity.start(IDENTITY_POOL_ID, false);
            identity.registerUserPool(emulator, pool.poolId(), Set.of(pool.clientId()));
            s3 = LocalS3.start(identity::secretFor);
            passkeys = PasskeyStandIn.start(emulator, pool.poolId(), demoUrl.getHost(),
                    demoUrl.getScheme() + "://" + demoUrl.getHost() + ":" + demoUrl.getPort());
            DemoStack stack = new DemoStack(emulator, hostedUi, pool, demoUrl, identity, s3, passkeys);
            stack.payara = PayaraMicroProcess.boot("demo-payara", List.of(DemoWar.build()), httpPort,
                    stack.settings);
            return stack;
        } catch (IOException | RuntimeException e) {
            if (passkeys != null) {
                passkeys.close();
            }
            if (s3 != null) {
                s3.close();
            }
            if (identity != null) {
                identity.close();
            }
            if (hostedUi != null) {
                hostedUi.close();
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

    /** The hosted-UI stand-in (its sign-in form is the emulator's). */
    public HostedUiStandIn hostedUi() {
        return hostedUi;
    }

    public DemoPool pool() {
        return pool;
    }

    /** The passkey stand-in the demo's Cognito calls go through. */
    public PasskeyStandIn passkeys() {
        return passkeys;
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
        passkeys.close();
        s3.close();
        identity.close();
        hostedUi.close();
        emulator.stop();
    }
}
