package dev.cognitoee.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS side of the credentials tests, once per test JVM: the fake identity pool (trusting the emulator's user
 * pool for its main app client) and an S3 that accepts exactly the credentials that pool issued, plus one static
 * key for the custom-provider test.
 */
public final class AwsStandIns {

    public static final String IDENTITY_POOL_ID = "us-east-1:4b1b1b1b-0000-4000-8000-00000000c0de";
    /** A key pair S3 accepts besides the pool's, for an application's own credentials provider. */
    public static final String CUSTOM_ACCESS_KEY = "AKIACUSTOMPROVIDER01";
    public static final String CUSTOM_SECRET = "custom-provider-secret-0123456789";

    private static FakeCognitoIdentity identity;
    private static LocalS3 s3;

    private AwsStandIns() {
    }

    public static synchronized FakeCognitoIdentity identity() {
        if (identity == null) {
            CognitoFixture fixture = CognitoFixture.shared();
            try {
                identity = FakeCognitoIdentity.start(IDENTITY_POOL_ID, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            identity.registerUserPool(fixture.emulator(), fixture.poolId, Set.of(fixture.clientId));
        }
        return identity;
    }

    public static synchronized LocalS3 s3() {
        if (s3 == null) {
            FakeCognitoIdentity pool = identity();
            s3 = LocalS3.start(key -> CUSTOM_ACCESS_KEY.equals(key) ? Optional.of(CUSTOM_SECRET) : pool.secretFor(key));
        }
        return s3;
    }

    /**
     * The settings of the S3 test applications: the emulator's pool, this identity pool, and the S3 stand-in
     * ({@code test.s3-endpoint}, {@code test.s3-bucket}).
     */
    public static Map<String, String> applicationSettings() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.identity-pool-id", IDENTITY_POOL_ID);
        settings.put("cognito.identity-endpoint", identity().endpoint().toString());
        settings.put("test.s3-endpoint", s3().endpoint().toString());
        settings.put("test.s3-bucket", LocalS3.BUCKET);
        return settings;
    }
}
