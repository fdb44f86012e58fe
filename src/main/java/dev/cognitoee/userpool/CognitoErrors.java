package dev.cognitoee.userpool;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Maps what the AWS SDK throws for a Cognito call (user pools and identity pools) onto {@link AuthError}. */
public final class CognitoErrors {

    private static final Map<String, AuthError> BY_COGNITO_CODE = Map.ofEntries(
            Map.entry("NotAuthorizedException", AuthError.NOT_AUTHORIZED),
            Map.entry("UserNotFoundException", AuthError.USER_NOT_FOUND),
            Map.entry("UserNotConfirmedException", AuthError.USER_NOT_CONFIRMED),
            Map.entry("PasswordResetRequiredException", AuthError.PASSWORD_RESET_REQUIRED),
            Map.entry("CodeMismatchException", AuthError.CODE_MISMATCH),
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
            Map.entry("ExternalServiceException", AuthError.SERVICE_UNAVAILABLE));

    private CognitoErrors() {
    }

    /** The typed outcome of {@code e}. */
    public static CognitoAuthException map(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            AuthError error = BY_COGNITO_CODE.get(code);
            if (error == null) {
                error = service.statusCode() >= 500 ? AuthError.SERVICE_UNAVAILABLE : AuthError.UNEXPECTED;
            }
            return new CognitoAuthException(error, code, message != null ? message : code, e);
        }
        if (e instanceof SdkClientException) {
            return new CognitoAuthException(AuthError.SERVICE_UNAVAILABLE, null,
                    "Cognito cannot be reached: " + e.getMessage(), e);
        }
        return new CognitoAuthException(AuthError.UNEXPECTED, null, e.getMessage(), e);
    }
}
