package dev.cognitoee.config;

import dev.cognitoee.token.TokenUse;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The validated settings of one Cognito user pool and its app client(s). Immutable; built by
 * {@link CognitoConfigReader}. Kept an object (not statics) so that several pools can be served later.
 *
 * @param region              AWS region of the pool
 * @param userPoolId          the pool id
 * @param clientIds           app clients whose tokens are accepted (never empty)
 * @param issuer              the expected {@code iss} claim
 * @param jwksUri             where the pool publishes its signing keys
 * @param tokenUse            which token a bearer request must carry
 * @param clockSkew           tolerance for {@code exp}, {@code nbf}, {@code iat}
 * @param groupsClaim         claim whose string array becomes the caller's groups
 * @param callerNameClaim     claim that names the caller
 * @param jwksConnectTimeout  connect timeout for the JWKS endpoint
 * @param jwksReadTimeout     read timeout for the JWKS endpoint
 * @param tokenCacheSize      maximum number of verified tokens remembered; 0 means no cache
 */
public record CognitoConfig(
        String region,
        String userPoolId,
        List<String> clientIds,
        String issuer,
        URI jwksUri,
        TokenUse tokenUse,
        Duration clockSkew,
        String groupsClaim,
        String callerNameClaim,
        Duration jwksConnectTimeout,
        Duration jwksReadTimeout,
        int tokenCacheSize) {

    public CognitoConfig {
        clientIds = List.copyOf(clientIds);
    }
}
