package dev.cognitoee.internal.session;

import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.time.Instant;

/**
 * A refresh's result as one node hands it to the others through the grid: the new tokens of one session, keyed by a
 * digest of the session id and the access token they replace (never a user name, never a token in clear as a key).
 * The HTTP session itself reaches the other nodes only at the end of the refreshing request; until then, their
 * requests of that session find the new tokens here instead of refreshing again with a refresh token that Cognito's
 * rotation may already have retired. The value carries the tokens: it is sealed (AES-GCM, the key of
 * {@code cognito.session-encryption-key}), and the refresh token inside it stays sealed as in the session.
 */
final class RefreshHandOff {

    private RefreshHandOff() {
    }

    /** The grid key of the refresh of {@code oldAccessToken} in session {@code sessionId}. */
    static String key(String sessionId, String oldAccessToken) {
        return GridKeys.digest("refresh", sessionId, oldAccessToken);
    }

    /** {@code fresh} as the grid keeps it. */
    static String encode(SessionTokens fresh, SessionSealer sealer) {
        var json = JsonFactories.objectBuilder()
                .add("accessToken", fresh.accessToken())
                .add("idToken", fresh.idToken())
                .add("expiresAt", fresh.expiresAt().toEpochMilli());
        if (fresh.refreshToken() != null) {
            json.add("refreshToken", fresh.refreshToken().toText());
        }
        return sealer.seal(Purpose.GRID_REFRESH_HAND_OFF, json.build().toString()).toText();
    }

    /**
     * {@code old} with the tokens of hand-off {@code value}, or null when the value cannot be read (the
     * caller then treats the hand-off as absent).
     */
    static SessionTokens decode(String value, SessionTokens old, SessionSealer sealer) {
        String plain;
        try {
            plain = sealer.open(Purpose.GRID_REFRESH_HAND_OFF, Sealed.fromText(value));
        } catch (SealBrokenException | IllegalArgumentException unreadable) {
            return null; // not a seal, a key this node does not have, or altered
        }
        try (JsonReader reader = JsonFactories.reader(plain)) {
            JsonObject json = reader.readObject();
            String refreshToken = json.getString("refreshToken", null);
            return old.refreshed(json.getString("accessToken"), json.getString("idToken"),
                    refreshToken == null ? null : Sealed.fromText(refreshToken),
                    Instant.ofEpochMilli(json.getJsonNumber("expiresAt").longValue()));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException unreadable) {
            return null;
        }
    }
}
