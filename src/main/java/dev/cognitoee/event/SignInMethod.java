package dev.cognitoee.event;

/** How a sign-in happened. */
public enum SignInMethod {
    /** Username and password (InitiateAuth USER_PASSWORD_AUTH), through {@code CognitoAuth.signIn}. */
    PASSWORD,
    /** A posted sign-in form or JSON body, or {@code SecurityContext.authenticate} with a password credential. */
    FORM,
    /** The answer to a challenge ({@code confirmSignIn}: new password, MFA code...). */
    CHALLENGE,
    /** Right after sign-up ({@code autoSignIn}). */
    AUTO_SIGN_IN,
    /**
     * Through Cognito's hosted UI (authorization code with PKCE), with a password or a federated identity
     * provider; {@link SignInWithRedirect} follows.
     */
    HOSTED_UI
}
