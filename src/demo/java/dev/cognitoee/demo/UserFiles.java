package dev.cognitoee.demo;

import dev.cognitoee.Cognito;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The signed-in user's files in S3, under {@code private/<identity id>/} (the prefix an identity pool's IAM role
 * usually grants with {@code ${cognito-identity.amazonaws.com:sub}}). One S3 client for everybody: the injected
 * provider signs each call with the credentials of whoever is calling.
 */
@ApplicationScoped
public class UserFiles {

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @Inject
    @ConfigProperty(name = "cognito.region")
    String region;

    @Inject
    @ConfigProperty(name = "demo.s3-bucket")
    Optional<String> bucket;

    /** Only for S3 stand-ins; unset against AWS. */
    @Inject
    @ConfigProperty(name = "demo.s3-endpoint")
    Optional<String> endpoint;

    private S3Client s3;

    /** An object in the user's folder. A JavaBean, not a record: Jakarta EL before 6.0 (EE 10) reads getters only. */
    public static final class UserFile {

        private final String name;
        private final long size;

        UserFile(String name, long size) {
            this.name = name;
            this.size = size;
        }

        /** The file's name in the folder. */
        public String getName() {
            return name;
        }

        /** Its size in bytes. */
        public long getSize() {
            return size;
        }
    }

    @PostConstruct
    void connect() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)).forcePathStyle(true));
        s3 = builder.build();
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    /** Whether {@code demo.s3-bucket} is set. */
    public boolean configured() {
        return bucket.isPresent();
    }

    public List<UserFile> list(String identityId) {
        String folder = folder(identityId);
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket.orElseThrow()).prefix(folder)).contents().stream()
                .map(o -> new UserFile(o.key().substring(folder.length()), o.size()))
                .toList();
    }

    public void upload(String identityId, String name, InputStream content, long size) {
        s3.putObject(b -> b.bucket(bucket.orElseThrow()).key(folder(identityId) + name),
                RequestBody.fromInputStream(content, size));
    }

    private static String folder(String identityId) {
        return "private/" + identityId + "/";
    }
}
