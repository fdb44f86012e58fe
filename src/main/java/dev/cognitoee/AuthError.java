package dev.cognitoee;

/**
 * The typed outcome of a failed account operation. Cognito's exception names map onto these (see
 * {@code docs/ACCOUNT-API.md}); a client's mistake is never reported as {@link #SERVICE_UNAVAILABLE}, and Cognito
 * being unreachable never as anything else.
 */
public enum AuthError {
    /** Wrong username or password, or a token Cognito refuses ({@code NotAuthorizedException}). */
    NOT_AUTHORIZED,
    /** No such user ({@code UserNotFoundException}; pools that prevent user-existence errors say NOT_AUTHORIZED). */
    USER_NOT_FOUND,
    /** The user has not confirmed the sign-up yet ({@code UserNotConfirmedException}). */
    USER_NOT_CONFIRMED,
    /** An administrator requires a password reset ({@code PasswordResetRequiredException}). */
    PASSWORD_RESET_REQUIRED,
    /** The code does not match ({@code CodeMismatchException}). */
    CODE_MISMATCH,
    /** The code has expired ({@code ExpiredCodeException}). */
    CODE_EXPIRED,
    /** Too many attempts of this operation for this user ({@code LimitExceededException}). */
    LIMIT_EXCEEDED,
    /** Cognito throttles the application ({@code TooManyRequestsException}). */
    TOO_MANY_REQUESTS,
    /** Too many failed attempts ({@code TooManyFailedAttemptsException}). */
    TOO_MANY_FAILED_ATTEMPTS,
    /** The username is taken ({@code UsernameExistsException}). */
    USERNAME_EXISTS,
    /** The email or phone number is already used by another account ({@code AliasExistsException}). */
    ALIAS_EXISTS,
    /** The new password does not meet the pool's policy ({@code InvalidPasswordException}). */
    INVALID_PASSWORD,
    /** A parameter is missing or malformed ({@code InvalidParameterException}). */
    INVALID_PARAMETER,
    /** A Lambda trigger refused the operation; the message is the trigger's ({@code UserLambdaValidationException}). */
    LAMBDA_VALIDATION,
    /** The operation needs a signed-in user, and there is none in this session. */
    NOT_SIGNED_IN,
    /** {@code confirmSignIn} was called with no sign-in challenge pending in this session. */
    NO_SIGN_IN_IN_PROGRESS,
    /** AWS credentials were asked for, but no identity pool is configured ({@code cognito.identity-pool-id}). */
    NO_IDENTITY_POOL,
    /**
     * The user or the identity provider refused the sign-in at the hosted UI (its callback says
     * {@code error=access_denied}).
     */
    ACCESS_DENIED,
    /**
     * A hosted-UI callback names no sign-in pending in this browser: its {@code state} is missing, unknown, expired
     * or already used (a replay), or the browser has no session.
     */
    INVALID_STATE,
    /**
     * Cognito's token endpoint refused the authorization code ({@code invalid_grant}): already used, expired, issued
     * to another client, or not matching the PKCE verifier.
     */
    INVALID_GRANT,
    /**
     * A token received from the hosted UI fails verification: signature, issuer, audience, expiry, or an id token
     * whose {@code nonce} is not the one of the sign-in.
     */
    INVALID_TOKEN,
    /**
     * The hosted UI or a federated identity provider reported another error ({@code server_error},
     * {@code invalid_request}, {@code unauthorized_client}, {@code invalid_scope}...), or the app client is set
     * up differently from this configuration ({@code invalid_client}).
     */
    IDENTITY_PROVIDER_ERROR,
    /** Cognito cannot be reached or failed on its side: try again later (HTTP 503 territory). */
    SERVICE_UNAVAILABLE,
    /** Any other error Cognito reports; the message says which. */
    UNEXPECTED,
    // Passkeys (WebAuthn credentials)
    /**
     * Cognito refused the passkey the browser made: the registration challenge is unknown or expired
     * ({@code WebAuthnChallengeNotFoundException}), the page's origin or the relying party is not the pool's
     * ({@code WebAuthnOriginNotAllowedException}, {@code WebAuthnRelyingPartyMismatchException}), the credential was
     * made for another app client ({@code WebAuthnClientMismatchException}) or is of a kind Cognito does not take
     * ({@code WebAuthnCredentialNotSupportedException}). Start the registration again.
     */
    WEBAUTHN_CREDENTIAL_REFUSED,
    /**
     * The user pool is not set up for passkeys ({@code WebAuthnNotEnabledException},
     * {@code WebAuthnConfigurationMissingException}): an operator's matter, logged as {@code COGNITOEE-0051}.
     */
    WEBAUTHN_NOT_ENABLED,
    /** {@code deleteWebAuthnCredential} named no passkey of the user ({@code ResourceNotFoundException}). */
    WEBAUTHN_CREDENTIAL_NOT_FOUND
}
