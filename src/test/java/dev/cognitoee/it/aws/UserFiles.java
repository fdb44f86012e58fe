package dev.cognitoee.it.aws;

import dev.cognitoee.Cognito;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An application-scoped bean with ONE S3 client, built once with the injected provider: each call is signed with
 * the credentials of whoever is calling, as the module promises.
 */
@ApplicationScoped
public class UserFiles {

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @Inject
    @ConfigProperty(name = "test.s3-endpoint")
    String endpoint;

    @Inject
    @ConfigProperty(name = "test.s3-bucket")
    String bucket;

    private S3Client s3;

    @PostConstruct
    void connect() {
        s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public void put(String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    public String get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    public List<String> list(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }
}
