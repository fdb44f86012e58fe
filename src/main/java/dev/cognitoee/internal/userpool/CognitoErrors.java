package dev.cognitoee.internal.userpool;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.log.LogMessage;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps what the AWS SDK throws for a Cognito call (user pools and identity pools) onto {@link AuthError}.
 *
 * <p>The message of the resulting exception is meant for the application's users, so it is a fixed text per
 * error: Cognito's and the SDK's own texts name hosts, addresses, client ids ("Unable to verify secret hash for
 * client ...") or whether a user exists, and stay on the server, in the log. Two errors keep Cognito's text because
 * it is written for users and says what to do: a Lambda trigger's refusal (the application's own message) and the
 * password policy.
 */
public final class CognitoErrors {

    private static final Logger LOG = Logger.getLogger(CognitoErrors.class.getName());

    private static final Map<String, AuthError> BY_COGNITO_CODE = Map.ofEntries(
            Map.entry("NotAuthorizedException", AuthError.NOT_AUTHORIZED),
            Map.entry("UserNotFoundException", AuthError.USER_NOT_FOUND),
            Map.entry("UserNotConfirmedException", AuthError.USER_NOT_CONFIRMED),
            Map.entry("PasswordResetRequiredException", AuthError.PASSWORD_RESET_REQUIRED),
            Map.entry("CodeMismatchException", AuthError.CODE_MISMATCH),
            // what VerifySoftwareToken answers a wrong authenticator code with, besides CodeMismatchException
            Map.entry("EnableSoftwareTokenMFAException", AuthError.CODE_MISMATCH),
            Map.entry("ExpiredCodeException", AuthError.CODE_EXPIRED),
            Map.entry("LimitExceededException", AuthError.LIMIT_EXCEEDED),
            Map.entry("TooManyRequestsException", AuthError.TOO_MANY_REQUESTS),
            Map.entry("TooManyFailedAttemptsException", AuthError.TOO_MANY_FAILED_ATTEMPTS),
            Map.entry("UsernameExistsException", AuthError.USERNAME_EXISTS),
            Map.entry("AliasExistsException", AuthError.ALIAS_EXISTS),
            Map.entry("InvalidPasswordException", AuthError.INVALID_PASSWORD),
            Map.entry("InvalidParameterException", AuthError.INVALID_PARAMETER),
            Map.entry("UserLambdaValidationException", AuthError.LAMBDA_VALIDATION),
            Map.entry("InternalErrorException", AuthError.SERVICE_UNAVAILABLE),
            Map.entry("ExternalServiceException", AuthError.SERVICE_UNAVAILABLE),
            // Passkeys
            Map.entry("WebAuthnChallengeNotFoundException", AuthError.WEBAUTHN_CREDENTIAL_REFUSED),
            Map.entry("WebAuthnOriginNotAllowedException", AuthError.WEBAUTHN_CREDENTIAL_REFUSED),
            Map.entry("WebAuthnRelyingPartyMismatchException", AuthError.WEBAUTHN_CREDENTIAL_REFUSED),
            Map.entry("WebAuthnClientMismatchException", AuthError.WEBAUTHN_CREDENTIAL_REFUSED),
            Map.entry("WebAuthnCredentialNotSupportedException", AuthError.WEBAUTHN_CREDENTIAL_REFUSED),
            Map.entry("WebAuthnNotEnabledException", AuthError.WEBAUTHN_NOT_ENABLED),
            Map.entry("WebAuthnConfigurationMissingException", AuthError.WEBAUTHN_NOT_ENABLED));

    private static final Map<AuthError, String> USER_MESSAGES = new EnumMap<>(Map.ofEntries(
            Map.entry(AuthError.NOT_AUTHORIZED, "Incorrect username or password."),
            Map.entry(AuthError.USER_NOT_FOUND, "Incorrect username or password."),
            Map.entry(AuthError.USER_NOT_CONFIRMED, "The account is not confirmed yet."),
            Map.entry(AuthError.PASSWORD_RESET_REQUIRED, "The password must be reset."),
            Map.entry(AuthError.CODE_MISMATCH, "The code is not correct."),
            Map.entry(AuthError.CODE_EXPIRED, "The code has expired; ask for a new one."),
            Map.entry(AuthError.LIMIT_EXCEEDED, "Too many attempts; try again later."),
            Map.entry(AuthError.TOO_MANY_REQUESTS, "Too many requests; try again shortly."),
            Map.entry(AuthError.TOO_MANY_FAILED_ATTEMPTS, "Too many failed attempts; try again later."),
            Map.entry(AuthError.USERNAME_EXISTS, "An account with this username already exists."),
            Map.entry(AuthError.ALIAS_EXISTS, "This email or phone number is used by another account."),
            Map.entry(AuthError.INVALID_PASSWORD, "The password does not meet the requirements."),
            Map.entry(AuthError.INVALID_PARAMETER, "A value is missing or not valid."),
            Map.entry(AuthError.LAMBDA_VALIDATION, "The request was refused."),
            Map.entry(AuthError.SERVICE_UNAVAILABLE, "The sign-in service cannot be reached; try again shortly."),
            Map.entry(AuthError.UNEXPECTED, "The request could not be completed."),
            Map.entry(AuthError.WEBAUTHN_CREDENTIAL_REFUSED, "The passkey was not accepted; try again."),
            Map.entry(AuthError.WEBAUTHN_NOT_ENABLED, "Passkeys are not available here."),
            Map.entry(AuthError.WEBAUTHN_CREDENTIAL_NOT_FOUND, "There is no such passkey.")));

    private CognitoErrors() {
    }

    /** The text for users of {@code error}: fixed, never one of Cognito's. */
    public static String userMessage(AuthError error) {
        return USER_MESSAGES.getOrDefault(error, USER_MESSAGES.get(AuthError.UNEXPECTED));
    }

    /**
     * The typed outcome of {@code e}; what Cognito or the SDK said goes to the log, not into the message. An error
     * that means a misconfiguration is logged once per cause by {@code misconfigurations}, with what to fix.
     */
    public static CognitoAuthException map(SdkException e, Misconfigurations misconfigurations) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String cognitoMessage = service.awsErrorDetails().errorMessage();
            AuthError error = BY_COGNITO_CODE.get(code);
            if (error == null) {
                error = service.statusCode() >= 500 ? AuthError.SERVICE_UNAVAILABLE : AuthError.UNEXPECTED;
            }
            if (!misconfigurations.report(code, cognitoMessage)) {
                log(error, code, cognitoMessage);
            }
            boolean writtenForUsers = error == AuthError.LAMBDA_VALIDATION || error == AuthError.INVALID_PASSWORD;
            String message = writtenForUsers && cognitoMessage != null ? cognitoMessage : userMessage(error);
            return new CognitoAuthException(error, code, message, e);
        }
        if (e instanceof SdkClientException) {
            LogMessage.COGNITO_UNREACHABLE.log(LOG, "Cognito cannot be reached (check " + Setting.ENDPOINT.key()
                    + " / " + Setting.IDENTITY_ENDPOINT.key() + ", " + Setting.CONNECT_TIMEOUT.key() + ", "
                    + Setting.READ_TIMEOUT.key() + " and the network): {0}", e.getMessage());
            return new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                    userMessage(AuthError.SERVICE_UNAVAILABLE), e);
        }
        LogMessage.COGNITO_CALL_FAILED.log(LOG, "Unexpected failure of a Cognito call: {0}", e.getMessage());
        return new CognitoAuthException(AuthError.UNEXPECTED, null, userMessage(AuthError.UNEXPECTED), e);
    }

    /** Operators see Cognito's own words (misconfigurations are logged by {@link Misconfigurations} instead). */
    private static void log(AuthError error, String code, String cognitoMessage) {
        String text = String.valueOf(cognitoMessage);
        if (error == AuthError.SERVICE_UNAVAILABLE || error == AuthError.UNEXPECTED
                || error == AuthError.INVALID_PARAMETER) {
            LogMessage.COGNITO_ERROR.log(LOG, "Cognito answered {0}: {1}", code, text);
        } else {
            LOG.log(Level.FINE, "Cognito answered {0}: {1}", new Object[] {code, text});
        }
    }
}
