package dev.cognitoee.spi;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Temporary AWS credentials and the identity they belong to.
 *
 * @param credentials the credentials (access key, secret, session token)
 * @param identityId  the identity pool identity, e.g. {@code eu-west-1:1a2b...}
 * @param expiration  when the credentials expire
 */
public record CredentialsAndIdentityId(AwsSessionCredentials credentials, String identityId, Instant expiration) {

    @Override
    public String toString() {
        return "CredentialsAndIdentityId[" + identityId + ", expires " + expiration + "]"; // never the secret
    }
}
