package dev.cognitoee.it.realaws.app;

import dev.cognitoee.Cognito;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The caller's folder of the stack's bucket, through ONE S3 client signed with whoever is calling. */
@ApplicationScoped
public class UserFolder {

    @Inject
    @Cognito
    AwsCredentialsProvider credentials;

    @Inject
    @ConfigProperty(name = "cognito.region")
    String region;

    @Inject
    @ConfigProperty(name = "realaws.s3-bucket")
    String bucket;

    private S3Client s3;

    @PostConstruct
    void connect() {
        s3 = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    /** Stores {@code content} in the folder of {@code identityId}; returns the key. */
    String put(String identityId, String name, String content) {
        String key = key(identityId, name);
        putKey(key, content);
        return key;
    }

    String get(String identityId, String name) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(identityId, name))).asUtf8String();
    }

    void putKey(String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    /** The folder the template's authenticated role grants: {@code private/${cognito-identity.amazonaws.com:sub}/}. */
    private static String key(String identityId, String name) {
        return "private/" + identityId + "/" + name;
    }
}
