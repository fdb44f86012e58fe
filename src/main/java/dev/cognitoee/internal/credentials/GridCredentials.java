package dev.cognitoee.internal.credentials;

import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.spi.CredentialsAndIdentityId;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.Serializable;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A caller's credentials as the grid keeps them, with how long every node may serve them ({@code freshUntil},
 * decided once by the node that fetched them). The secret fields ({@code secretAccessKey}, {@code sessionToken})
 * travel only inside {@link #encode}'s value, which is sealed (AES-GCM, the key of
 * {@code cognito.session-encryption-key}).
 *
 * @param accessKeyId     the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken    the session token
 * @param identityId      the identity pool identity
 * @param expiration      when the credentials expire
 * @param freshUntil      until when they are served from a cache
 */
record GridCredentials(String accessKeyId, String secretAccessKey, String sessionToken, String identityId,
                       Instant expiration, Instant freshUntil) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code value} (already checked), fresh until {@code freshUntil}. */
    static GridCredentials of(CredentialsAndIdentityId value, Instant freshUntil) {
        AwsSessionCredentials credentials = value.credentials();
        return new GridCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), value.identityId(), value.expiration(), freshUntil);
    }

    /** As the module hands credentials out. */
    CredentialsAndIdentityId credentials() {
        return new CredentialsAndIdentityId(AwsSessionCredentials.builder()
                .accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey)
                .sessionToken(sessionToken)
                .expirationTime(expiration)
                .build(), identityId, expiration);
    }

    /** The grid's value: JSON, sealed by {@code sealer}. */
    String encode(SessionSealer sealer) {
        var json = JsonFactories.objectBuilder()
                .add("accessKeyId", accessKeyId)
                .add("secretAccessKey", secretAccessKey)
                .add("expiration", expiration.toEpochMilli())
                .add("freshUntil", freshUntil.toEpochMilli());
        if (sessionToken != null) {
            json.add("sessionToken", sessionToken);
        }
        if (identityId != null) {
            json.add("identityId", identityId);
        }
        return sealer.seal(Purpose.GRID_CREDENTIALS, json.build().toString()).toText();
    }

    /**
     * What {@link #encode} gave, or null when it cannot be read (then it counts as absent): not a seal, sealed under
     * a key this node does not have, altered, or not the JSON expected.
     */
    static GridCredentials decode(String value, SessionSealer sealer) {
        String plain;
        try {
            plain = value == null ? null : sealer.open(Purpose.GRID_CREDENTIALS, Sealed.fromText(value));
        } catch (SealBrokenException | IllegalArgumentException unreadable) {
            return null;
        }
        if (plain == null) {
            return null;
        }
        try (JsonReader reader = JsonFactories.reader(plain)) {
            JsonObject json = reader.readObject();
            return new GridCredentials(json.getString("accessKeyId"), json.getString("secretAccessKey"),
                    json.getString("sessionToken", null), json.getString("identityId", null),
                    Instant.ofEpochMilli(json.getJsonNumber("expiration").longValue()),
                    Instant.ofEpochMilli(json.getJsonNumber("freshUntil").longValue()));
        } catch (JsonException | ClassCastException | NullPointerException unreadable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "GridCredentials[" + identityId + ", expires " + expiration + "]"; // never the secret
    }
}
