package dev.cognitoee.internal.observe;

import dev.cognitoee.AuthError;
import dev.cognitoee.internal.metrics.CallTimes;
import dev.cognitoee.internal.metrics.Count;
import dev.cognitoee.internal.metrics.CountByKey;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.token.TokenRejection;
import java.util.ArrayList;
import java.util.List;

/**
 * Every series the module exports, with its name and tags: the one list the MicroProfile Metrics and JMX exporters
 * register, and the README's "Health and metrics" section documents. Tagged series exist from the start, at 0, for
 * every value of their tag (every {@link AuthError}, every {@link TokenRejection}, every Cognito operation the module
 * calls), so that a dashboard's query never meets a missing series.
 */
final class MetricCatalogue {

    /** The Cognito API operations the module calls (the AWS SDK's names), user pool then identity pool. */
    static final List<String> COGNITO_OPERATIONS = List.of("InitiateAuth", "RespondToAuthChallenge",
            "AssociateSoftwareToken", "VerifySoftwareToken", "SignUp", "ConfirmSignUp", "ResendConfirmationCode",
            "ForgotPassword", "ConfirmForgotPassword", "ChangePassword", "UpdateUserAttributes", "VerifyUserAttribute",
            "GetUser", "GlobalSignOut", "RevokeToken", "DeleteUser", "DeleteUserAttributes",
            "GetUserAttributeVerificationCode", "SetUserMFAPreference", "ConfirmDevice", "UpdateDeviceStatus",
            "ListDevices", "ForgetDevice", "StartWebAuthnRegistration", "CompleteWebAuthnRegistration",
            "ListWebAuthnCredentials", "DeleteWebAuthnCredential", "GetId", "GetCredentialsForIdentity",
            Metrics.TOKEN_ENDPOINT);

    private MetricCatalogue() {
    }

    static List<MetricSeries> all() {
        List<MetricSeries> all = new ArrayList<>();
        count(all, "cognitoee_sign_ins_total", "Sign-ins that ended signed in (password, challenge, hosted UI)",
                Metrics.SIGN_INS);
        byEnum(all, "cognitoee_sign_in_failures_total", "Sign-ins that failed, by AuthError", "error",
                AuthError.values(), Metrics.SIGN_IN_FAILURES);
        count(all, "cognitoee_refreshes_total", "Session token refreshes this node made", Metrics.REFRESHES);
        byEnum(all, "cognitoee_refresh_failures_total", "Session token refreshes that failed, by AuthError", "error",
                AuthError.values(), Metrics.REFRESH_FAILURES);
        byEnum(all, "cognitoee_token_rejections_total", "Bearer tokens refused with 401, by reason", "reason",
                TokenRejection.values(), Metrics.TOKEN_REJECTIONS);
        count(all, "cognitoee_jwks_fetches_total", "Fetches of a trusted issuer's JWKS", Metrics.JWKS_FETCHES);
        count(all, "cognitoee_jwks_fetch_failures_total", "Fetches of a JWKS that failed", Metrics.JWKS_FETCH_FAILURES);
        seconds(all, "cognitoee_jwks_fetch_seconds_total", "Time spent fetching JWKS, in seconds", null,
                Metrics.JWKS_FETCH_TIME, Metrics.JWKS_FETCH);
        count(all, "cognitoee_token_cache_hits_total", "Tokens found in the verified-token cache",
                Metrics.TOKEN_CACHE_HITS);
        count(all, "cognitoee_token_cache_misses_total", "Tokens not in the verified-token cache (verified in full)",
                Metrics.TOKEN_CACHE_MISSES);
        count(all, "cognitoee_credentials_fetches_total", "AWS credentials fetched from the credentials provider",
                Metrics.CREDENTIALS_FETCHES);
        count(all, "cognitoee_credentials_cache_hits_total", "AWS credentials served from this node's cache",
                Metrics.CREDENTIALS_CACHE_HITS);
        CallTimes calls = Metrics.COGNITO_CALLS;
        for (String operation : COGNITO_OPERATIONS) {
            all.add(new MetricSeries("cognitoee_cognito_calls_total", "Calls to the Cognito APIs, by operation",
                    "operation", operation, () -> calls.calls(operation)));
            all.add(new MetricSeries("cognitoee_cognito_call_failures_total", "Calls to the Cognito APIs that ended "
                    + "in an error (Cognito's answer or the network), by operation", "operation", operation,
                    () -> calls.failures(operation)));
            seconds(all, "cognitoee_cognito_call_seconds_total", "Time spent in calls to the Cognito APIs, retries "
                    + "included, in seconds, by operation", "operation", calls, operation);
        }
        return all;
    }

    private static void count(List<MetricSeries> all, String name, String description, Count count) {
        all.add(new MetricSeries(name, description, null, null, count::value));
    }

    private static void byEnum(List<MetricSeries> all, String name, String description, String tag, Enum<?>[] keys,
                               CountByKey counts) {
        for (Enum<?> key : keys) {
            all.add(new MetricSeries(name, description, tag, key.name(), () -> counts.value(key)));
        }
    }

    private static void seconds(List<MetricSeries> all, String name, String description, String tag,
                                CallTimes times, String operation) {
        all.add(new MetricSeries(name, description, tag, tag == null ? null : operation,
                () -> times.seconds(operation)));
    }
}
