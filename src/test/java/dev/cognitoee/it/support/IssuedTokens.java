package dev.cognitoee.it.support;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens a stand-in saw Cognito issue (the {@code AuthenticationResult} of the answers it relayed), by user, and
 * which of them are revoked: what a GlobalSignOut stand-in needs to refuse them afterwards, as Cognito does.
 */
final class IssuedTokens {

    /** Access and refresh tokens by the user's {@code sub}. */
    private final Map<String, Set<String>> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refreshTokensByUsername = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /** Notes the tokens of a relayed answer, if it carries an AuthenticationResult. */
    void remember(byte[] answer) {
        if (answer.length == 0 || answer[0] != '{') {
            return;
        }
        JsonObject response = Json.createReader(new StringReader(new String(answer, StandardCharsets.UTF_8)))
                .readObject();
        JsonObject result = response.get("AuthenticationResult") instanceof JsonObject r ? r : null;
        if (result == null || result.getString("AccessToken", null) == null) {
            return;
        }
        try {
            JWTClaimsSet claims = SignedJWT.parse(result.getString("AccessToken")).getJWTClaimsSet();
            Set<String> tokens = bySubject.computeIfAbsent(claims.getSubject(), s -> ConcurrentHashMap.newKeySet());
            tokens.add(result.getString("AccessToken"));
            String refreshToken = result.getString("RefreshToken", null);
            if (refreshToken != null) {
                tokens.add(refreshToken);
                refreshTokensByUsername.computeIfAbsent(String.valueOf(claims.getClaim("username")),
                        u -> ConcurrentHashMap.newKeySet()).add(refreshToken);
            }
        } catch (ParseException e) {
            // not a JWT: nothing to revoke by user
        }
    }

    /** The refresh tokens issued to {@code username} (at sign-in: a refresh issues none). */
    Set<String> refreshTokensOf(String username) {
        return Set.copyOf(refreshTokensByUsername.getOrDefault(username, Set.of()));
    }

    /** Revokes {@code accessToken} and every token issued to the user {@code subject}. */
    void revokeAll(String subject, String accessToken) {
        revoked.add(accessToken);
        revoked.addAll(bySubject.getOrDefault(subject, Set.of()));
    }

    boolean isRevoked(String token) {
        return token != null && revoked.contains(token);
    }
}
