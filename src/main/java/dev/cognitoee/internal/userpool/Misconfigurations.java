package dev.cognitoee.internal.userpool;

import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.log.OncePerCause;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Recognises the Cognito errors that mean the module or the pool is misconfigured, not that a user made a mistake,
 * and logs each such cause once (see {@link OncePerCause}) with what to fix. The user's answer does not change:
 * these errors still map onto the same {@code AuthError} as before ({@link CognitoErrors}).
 *
 * <p>Recognised by Cognito's error code and the words of its message (from the Cognito API reference and what the
 * service answers; the user pool and identity pool APIs share error codes with different meanings):
 * <ul>
 *   <li>{@code NotAuthorizedException} "Client ... is configured with secret but SECRET_HASH was not received" and
 *   "Unable to verify secret hash for client ...";</li>
 *   <li>{@code InvalidParameterException} "USER_PASSWORD_AUTH flow not enabled for this client";</li>
 *   <li>{@code ResourceNotFoundException} "User pool client ... does not exist." (also "User pool ... does not
 *   exist."; cognito-local says "App Client ... not found");</li>
 *   <li>{@code WebAuthnNotEnabledException} and {@code WebAuthnConfigurationMissingException} (the pool has no
 *   passkey set-up);</li>
 *   <li>identity pool: {@code NotAuthorizedException} "Invalid login token. Token is not from a supported provider
 *   of this identity pool." / "Issuer doesn't match providerName" / "Incorrect token audience." / "... does not have
 *   a provider configured for login provider ..."; "Unauthenticated access is not supported for this identity
 *   pool."; {@code ResourceNotFoundException} "IdentityPool '...' not found."; and
 *   {@code InvalidIdentityPoolConfigurationException}.</li>
 * </ul>
 */
public final class Misconfigurations {

    /** Which Cognito API answered. */
    public enum Api { USER_POOL, IDENTITY_POOL }

    private static final Logger LOG = Logger.getLogger(Misconfigurations.class.getName());

    private final Api api;
    private final boolean clientSecretSet;
    private final OncePerCause log;

    /**
     * @param api             the API whose errors these are
     * @param clientSecretSet whether {@code cognito.client-secret} is set (tells a missing secret from a wrong one)
     * @param log             where each cause is logged once
     */
    public Misconfigurations(Api api, boolean clientSecretSet, OncePerCause log) {
        this.api = api;
        this.clientSecretSet = clientSecretSet;
        this.log = log;
    }

    /** Misconfigurations of {@code api}, logged to this class's logger, rate-limited by {@code System.nanoTime}. */
    public static Misconfigurations of(Api api, boolean clientSecretSet) {
        return new Misconfigurations(api, clientSecretSet, new OncePerCause(LOG, System::nanoTime));
    }

    /**
     * Logs the misconfiguration that Cognito's error means, if it means one.
     *
     * @param code    Cognito's error code ({@code __type})
     * @param message Cognito's message (it names ids, never a token or secret)
     * @return whether the error is a misconfiguration (then logged here, and not worth another WARNING)
     */
    boolean report(String code, String message) {
        LogMessage cause = cause(api, code, message, clientSecretSet);
        if (cause == null) {
            return false;
        }
        log.log(cause, "{0}. Fix: {1}. (Cognito answered {2}: {3})", cause.meaning(), cause.fix(), code, message);
        return true;
    }

    /** The misconfiguration that {@code code} and {@code message} of {@code api} mean, or null. */
    static LogMessage cause(Api api, String code, String message, boolean clientSecretSet) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == null) {
            return null;
        }
        return api == Api.USER_POOL ? userPoolCause(code, text, clientSecretSet) : identityPoolCause(code, text);
    }

    private static LogMessage userPoolCause(String code, String text, boolean clientSecretSet) {
        switch (code) {
            case "NotAuthorizedException":
                if (text.contains("secret hash") || text.contains("secret_hash")) {
                    return clientSecretSet && !text.contains("not received") ? LogMessage.SECRET_HASH_WRONG
                            : LogMessage.SECRET_HASH_MISSING;
                }
                return null;
            case "InvalidParameterException":
                return text.contains("flow not enabled") || text.contains("flow is not enabled")
                        ? LogMessage.FLOW_NOT_ENABLED : null;
            case "ResourceNotFoundException":
                // Cognito: "User pool client ... does not exist."; the emulator: "App Client ... not found"
                return text.contains("user pool") || text.contains("client") ? LogMessage.APP_CLIENT_NOT_FOUND
                        : null;
            case "WebAuthnNotEnabledException", "WebAuthnConfigurationMissingException":
                return LogMessage.WEBAUTHN_NOT_ENABLED;
            default:
                return null;
        }
    }

    private static LogMessage identityPoolCause(String code, String text) {
        switch (code) {
            case "NotAuthorizedException":
                if (text.contains("not from a supported provider") || text.contains("issuer doesn't match")
                        || text.contains("incorrect token audience") || text.contains("provider configured for")) {
                    return LogMessage.IDENTITY_POOL_UNTRUSTED;
                }
                return text.contains("unauthenticated access is not supported") ? LogMessage.GUEST_ACCESS_REFUSED
                        : null;
            case "ResourceNotFoundException":
                // "Identity '...' not found." is a deleted identity, not a misconfiguration
                return text.contains("identitypool") || text.contains("identity pool")
                        ? LogMessage.IDENTITY_POOL_NOT_FOUND : null;
            case "InvalidIdentityPoolConfigurationException":
                return LogMessage.IDENTITY_POOL_ROLES_INVALID;
            default:
                return null;
        }
    }
}
