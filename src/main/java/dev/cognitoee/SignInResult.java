package dev.cognitoee;

/**
 * The result of {@code signIn} or {@code confirmSignIn}.
 *
 * @param isSignedIn whether the user is now signed in (the session holds the tokens)
 * @param nextStep   what to do next ({@link SignInStep#DONE} when signed in)
 */
public record SignInResult(boolean isSignedIn, SignInNextStep nextStep) {

    /**
     * Signed in, nothing left to do.
     *
     * @return a signed-in result whose next step is {@code DONE}
     */
    public static SignInResult signedIn() {
        return new SignInResult(true, SignInNextStep.of(SignInStep.DONE));
    }

    /**
     * Not signed in yet.
     *
     * @param step what comes next
     * @return a result that is not signed in
     */
    public static SignInResult next(SignInNextStep step) {
        return new SignInResult(false, step);
    }
}
