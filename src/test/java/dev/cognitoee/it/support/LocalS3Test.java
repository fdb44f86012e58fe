package dev.cognitoee.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link LocalS3} with the real AWS SDK S3 client and session credentials. One server for the class: each test uses
 * its own access keys, so the per-key counts do not interfere; the refused count is compared before and after.
 */
class LocalS3Test {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static LocalS3 s3;

    @BeforeAll
    static void start() {
        s3 = LocalS3.start(key -> Optional.ofNullable(SECRETS.get(key)));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    private static S3Client client(String accessKey, String secret) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(accessKey, secret, "session-token")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void putThenGetWithTheRightSecret() {
        SECRETS.put("ASIAPUTGET", "put-get-secret");
        try (S3Client client = client("ASIAPUTGET", "put-get-secret")) {
            client.putObject(b -> b.bucket(LocalS3.BUCKET).key("eu-west-1:abc/hello.txt"),
                    RequestBody.fromString("hello, world"));
            String read = client.getObjectAsBytes(b -> b.bucket(LocalS3.BUCKET).key("eu-west-1:abc/hello.txt"))
                    .asUtf8String();

            assertThat(read).isEqualTo("hello, world");
            assertThat(s3.requests("ASIAPUTGET")).isEqualTo(2);
        }
    }

    @Test
    void aMissingObjectIsStillAnAcceptedRequest() {
        SECRETS.put("ASIAMISSING", "missing-secret");
        try (S3Client client = client("ASIAMISSING", "missing-secret")) {
            int refusedBefore = s3.refused();
            assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket(LocalS3.BUCKET).key("nothing-here")))
                    .isInstanceOf(NoSuchKeyException.class);

            assertThat(s3.requests("ASIAMISSING")).isEqualTo(1);
            assertThat(s3.refused()).isEqualTo(refusedBefore);
        }
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch() {
        SECRETS.put("ASIAWRONG", "the-real-secret");
        try (S3Client client = client("ASIAWRONG", "not-the-secret")) {
            int refusedBefore = s3.refused();

            assertThatThrownBy(() -> client.putObject(b -> b.bucket(LocalS3.BUCKET).key("x"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });

            assertThat(s3.requests("ASIAWRONG")).isZero();
            assertThat(s3.refused()).isEqualTo(refusedBefore + 1);
        }
    }

    @Test
    void refusedAndAcceptedUploadsTakeTurnsOnKeptAliveConnections() {
        // Regression test for LocalS3's draining of request bodies: without it, some of these fail on the client
        // with "Error writing request body to server" instead of getting their answer.
        SECRETS.put("ASIATURNS", "turns-secret");
        byte[] body = new byte[256 * 1024];
        int refusedBefore = s3.refused();
        try (S3Client good = client("ASIATURNS", "turns-secret");
             S3Client bad = client("ASIATURNS", "wrong-secret");
             S3Client unknown = client("ASIANOTISSUED", "turns-secret")) {
            for (int i = 0; i < 20; i++) {
                String key = "turns/" + i;
                assertThatThrownBy(() -> bad.putObject(b -> b.bucket(LocalS3.BUCKET).key(key),
                        RequestBody.fromBytes(body)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                assertThatThrownBy(() -> unknown.putObject(b -> b.bucket(LocalS3.BUCKET).key(key),
                        RequestBody.fromBytes(body)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
                good.putObject(b -> b.bucket(LocalS3.BUCKET).key(key), RequestBody.fromBytes(body));
            }
        }
        assertThat(s3.requests("ASIATURNS")).isEqualTo(20);
        assertThat(s3.refused()).isEqualTo(refusedBefore + 40);
    }

    @Test
    void anUnknownAccessKeyIsRefusedWithInvalidAccessKeyId() {
        try (S3Client client = client("ASIAUNKNOWN", "whatever")) {
            int refusedBefore = s3.refused();

            assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket(LocalS3.BUCKET).key("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
                    });

            assertThat(s3.requests("ASIAUNKNOWN")).isZero();
            assertThat(s3.refused()).isEqualTo(refusedBefore + 1);
        }
    }

    @Test
    void keysAreLookedUpPerRequestSoTheyCanComeAndGo() {
        try (S3Client client = client("ASIALATER", "later-secret")) {
            assertThatThrownBy(() -> client.headBucket(b -> b.bucket(LocalS3.BUCKET)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));

            SECRETS.put("ASIALATER", "later-secret");
            client.headBucket(b -> b.bucket(LocalS3.BUCKET));
            assertThat(s3.requests("ASIALATER")).isEqualTo(1);

            SECRETS.remove("ASIALATER");
            assertThatThrownBy(() -> client.headBucket(b -> b.bucket(LocalS3.BUCKET)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(s3.requests("ASIALATER")).isEqualTo(1);
        }
    }

    @Test
    void requestsAreCountedPerAccessKey() {
        SECRETS.put("ASIAALICE", "alice-secret");
        SECRETS.put("ASIABOB", "bob-secret");
        try (S3Client alice = client("ASIAALICE", "alice-secret");
             S3Client bob = client("ASIABOB", "bob-secret")) {
            alice.putObject(b -> b.bucket(LocalS3.BUCKET).key("alice/a"), RequestBody.fromString("a"));
            alice.putObject(b -> b.bucket(LocalS3.BUCKET).key("alice/b"), RequestBody.fromString("b"));
            alice.listObjectsV2(b -> b.bucket(LocalS3.BUCKET).prefix("alice/"));
            bob.getObjectAsBytes(b -> b.bucket(LocalS3.BUCKET).key("alice/a"));

            assertThat(s3.requests("ASIAALICE")).isEqualTo(3);
            assertThat(s3.requests("ASIABOB")).isEqualTo(1);
            assertThat(s3.requests("ASIANOBODY")).isZero();
        }
    }

    @Test
    void aPresignedUrlIsCheckedAndCountedToo() throws Exception {
        SECRETS.put("ASIAPRESIGN", "presign-secret");
        try (S3Client client = client("ASIAPRESIGN", "presign-secret")) {
            client.putObject(b -> b.bucket(LocalS3.BUCKET).key("shared.txt"), RequestBody.fromString("shared"));
        }
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create("ASIAPRESIGN", "presign-secret", "session-token")))
                .build()) {
            var url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(LocalS3.BUCKET).key("shared.txt"))).url();

            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            try (InputStream in = connection.getInputStream()) {
                assertThat(connection.getResponseCode()).isEqualTo(200);
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("shared");
            }
            assertThat(s3.requests("ASIAPRESIGN")).isEqualTo(2);

            int refusedBefore = s3.refused();
            String tampered = url.toString().replace("shared.txt", "other.txt");
            HttpURLConnection bad = (HttpURLConnection) new java.net.URL(tampered).openConnection();
            assertThat(bad.getResponseCode()).isEqualTo(403);
            bad.disconnect();
            assertThat(s3.refused()).isEqualTo(refusedBefore + 1);
            assertThat(s3.requests("ASIAPRESIGN")).isEqualTo(2);
        }
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        int refusedBefore = s3.refused();
        // Listing the (private) bucket. An unsigned GET of a missing object is answered 404 by S3Proxy, not 403.
        HttpURLConnection connection = (HttpURLConnection) s3.endpoint()
                .resolve("/" + LocalS3.BUCKET).toURL().openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(403);
        connection.disconnect();
        assertThat(s3.refused()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void theAccessKeyIsReadFromEveryKindOfSignature() {
        assertThat(LocalS3.accessKeyOf("AWS4-HMAC-SHA256 Credential=ASIAKEY/20261126/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc", null)).isEqualTo("ASIAKEY");
        assertThat(LocalS3.accessKeyOf("AWS ASIAKEY:c2ln", null)).isEqualTo("ASIAKEY");
        assertThat(LocalS3.accessKeyOf(null, "ASIAKEY/20261126/us-east-1/s3/aws4_request")).isEqualTo("ASIAKEY");
        assertThat(LocalS3.accessKeyOf(null, null)).isNull();
        assertThat(LocalS3.accessKeyOf("Bearer eyJ", null)).isNull();
    }

    @Test
    void theEndpointIsLoopbackOnARealPort() {
        assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(s3.endpoint().getPort()).isPositive();
    }
}
