package dev.cognitoee.internal.mechanism;

import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the identity store's password sign-in came to, handed to the mechanism through the request (an identity
 * store can only answer valid or invalid; the mechanism needs the challenge or the error to answer the browser).
 *
 * @param result  the sign-in result (signed in, or the challenge that comes next), or null on failure
 * @param failure why it failed, or null
 */
record SignInAttempt(SignInResult result, CognitoAuthException failure) {

    private static final String ATTRIBUTE = SignInAttempt.class.getName();

    static void record(HttpServletRequest request, SignInAttempt attempt) {
        request.setAttribute(ATTRIBUTE, attempt);
    }

    static SignInAttempt of(HttpServletRequest request) {
        return (SignInAttempt) request.getAttribute(ATTRIBUTE);
    }
}
