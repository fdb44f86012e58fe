package dev.cognitoee.internal.credentials;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.userpool.CognitoErrors;
import dev.cognitoee.internal.userpool.Misconfigurations;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed identity-pool call tells the application: the typed error ({@link CognitoErrors}) and Cognito's
 * error code, with a message of the module's own. The SDK's and Cognito's own text (hosts, addresses, SDK advice)
 * goes to the server log only.
 */
final class IdentityPoolErrors {

    private static final Logger LOG = Logger.getLogger(IdentityPoolErrors.class.getName());

    private IdentityPoolErrors() {
    }

    static CognitoAuthException map(SdkException e, Misconfigurations misconfigurations) {
        CognitoAuthException typed = CognitoErrors.map(e, misconfigurations);
        String code = typed.cognitoErrorCode();
        String message = switch (typed.error()) {
            case SERVICE_UNAVAILABLE -> "The identity pool cannot be reached or failed; try again shortly";
            case TOO_MANY_REQUESTS, LIMIT_EXCEEDED -> "The identity pool is throttling requests; try again shortly";
            case NOT_AUTHORIZED -> "The identity pool refused the caller's logins";
            default -> "The identity pool could not give AWS credentials";
        };
        if (code != null) {
            message += " (" + code + ")";
        }
        if (typed.error() == AuthError.SERVICE_UNAVAILABLE) {
            LogMessage.IDENTITY_POOL_UNAVAILABLE.log(LOG, "Identity pool call failed, {0}: {1}", typed.error(),
                    e.getMessage());
        } else {
            LOG.log(Level.INFO, "Identity pool call failed, {0}: {1}", new Object[] {typed.error(), e.getMessage()});
        }
        return new CognitoAuthException(typed.error(), code, message, e);
    }
}
