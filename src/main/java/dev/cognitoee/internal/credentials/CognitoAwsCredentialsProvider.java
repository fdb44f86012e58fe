package dev.cognitoee.internal.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The AWS SDK's view of {@link CallerCredentials}: each {@link #resolveCredentials()} resolves the caller of the
 * current request, so one instance can serve an {@code @ApplicationScoped} bean's S3 or DynamoDB client.
 */
public final class CognitoAwsCredentialsProvider implements AwsCredentialsProvider {

    private final CallerCredentials caller;

    public CognitoAwsCredentialsProvider(CallerCredentials caller) {
        this.caller = caller;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return caller.current().credentials();
    }
}
