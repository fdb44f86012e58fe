package dev.cognitoee.internal.token;

import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.log.LogMessage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The local revocation check ({@code cognito.revocation-check=local} or {@code cognito}): records the sessions this
 * application ended, and refuses their tokens until they expire. A token's revocation id is its
 * {@code origin_jti}, else its {@code jti} (see {@link RevocationList}); each entry is kept until the token's
 * {@code exp} plus the clock skew has passed, the last second the verifier would accept it.
 */
public final class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class.getName());
    private static final TokenRevocations OFF = new TokenRevocations(null, Duration.ZERO);

    private final RevocationList list; // null when the check is off
    private final Duration clockSkew;

    /**
     * @param list      where revoked sessions are kept
     * @param clockSkew the verifier's tolerance past {@code exp}: an entry is kept that much longer
     */
    public TokenRevocations(RevocationList list, Duration clockSkew) {
        this.list = list;
        this.clockSkew = clockSkew;
    }

    /** No check: nothing is recorded and every token passes. */
    public static TokenRevocations off() {
        return OFF;
    }

    /**
     * Records the end of a session: its tokens are refused from now on, on this node (on every node when the list is
     * the cluster's). The tokens come from the session, that is from Cognito itself, so they are read without
     * verifying them again; one that cannot be
     * read is skipped.
     *
     * @param tokens the session's access and id tokens (null ones are skipped)
     */
    public void revokeSession(String... tokens) {
        if (list == null) {
            return;
        }
        for (String token : tokens) {
            if (token == null) {
                continue;
            }
            JsonObject claims;
            try {
                claims = Jwt.decode(token);
            } catch (IllegalArgumentException e) {
                LogMessage.REVOCATION_NOT_RECORDED.log(LOG, "A session token could not be read to record its "
                        + "revocation: {0}", e.getMessage());
                continue;
            }
            revoke(claims);
        }
    }

    /**
     * Refuses {@code claims}' token if its session was revoked; a token without any jti cannot be checked.
     *
     * @throws RevocationCheckUnavailableException the cluster's revocation list cannot be read now
     */
    void refuseIfRevoked(JsonObject claims) throws TokenRejectedException, RevocationCheckUnavailableException {
        if (list == null) {
            return;
        }
        String id = revocationId(claims);
        if (id == null) {
            throw new TokenRejectedException(TokenRejection.MISSING_CLAIM);
        }
        boolean revoked;
        try {
            revoked = list.isRevoked(id);
        } catch (GridUnavailableException e) {
            throw new RevocationCheckUnavailableException("The cluster's revocation list cannot be read", e);
        }
        if (revoked) {
            throw new TokenRejectedException(TokenRejection.REVOKED);
        }
    }

    /** Refuses {@code claims}' session from now until its token's {@code exp} plus the skew has passed. */
    void revoke(JsonObject claims) {
        String id = revocationId(claims);
        JsonValue exp = claims.get("exp");
        if (list == null || id == null || !(exp instanceof JsonNumber seconds)) {
            return;
        }
        // The verifier accepts a token up to and including the second exp + skew: the entry outlives that second.
        list.revoke(id, Instant.ofEpochSecond(seconds.longValue()).plus(clockSkew).plusSeconds(1));
    }

    /** {@code origin_jti}, else {@code jti}, else null. */
    static String revocationId(JsonObject claims) {
        String origin = nonEmptyString(claims.get("origin_jti"));
        return origin != null ? origin : nonEmptyString(claims.get("jti"));
    }

    private static String nonEmptyString(JsonValue value) {
        return value instanceof JsonString string && !string.getString().isEmpty() ? string.getString() : null;
    }
}
