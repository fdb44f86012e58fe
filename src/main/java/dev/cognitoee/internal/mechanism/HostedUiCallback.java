package dev.cognitoee.internal.mechanism;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.oauth.LocalRedirect;
import dev.cognitoee.internal.oauth.RedirectSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The hosted UI's side of the mechanism: an anonymous browser sent to the hosted UI, and the callback answered with
 * a redirect to the page first asked for, or with the error page ({@code ?error=<AuthError>}) or a short plain text
 * 400/401 (503 when Cognito cannot be reached) when the sign-in failed.
 */
@ApplicationScoped
class HostedUiCallback {

    @Inject
    CognitoConfig config;

    @Inject
    RedirectSignIn redirectSignIn;

    boolean matches(HttpServletRequest request) {
        return redirectSignIn.isCallback(request);
    }

    /** Finishes the sign-in the callback names. */
    AuthenticationStatus handle(HttpServletRequest request, HttpServletResponse response,
                                HttpMessageContext context) {
        String contextPath = request.getContextPath();
        try {
            return context.redirect(LocalRedirect.orRoot(redirectSignIn.complete(request), contextPath));
        } catch (CognitoAuthException e) {
            if (e.error() != AuthError.SERVICE_UNAVAILABLE && config.errorPage() != null) {
                return context.redirect(contextPath + config.errorPage() + "?error=" + e.error());
            }
            int status = switch (e.error()) {
                case ACCESS_DENIED, INVALID_TOKEN -> HttpServletResponse.SC_UNAUTHORIZED;
                case SERVICE_UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                default -> HttpServletResponse.SC_BAD_REQUEST;
            };
            writeText(response, status, "Sign-in failed (" + e.error() + ")"
                    + (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? "; try again in a few seconds." : "."));
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** Sends an anonymous browser to the hosted UI, to come back to {@code returnPath} (or the root) once signed in. */
    AuthenticationStatus challenge(HttpServletRequest request, HttpMessageContext context, String returnPath) {
        String contextPath = request.getContextPath();
        return context.redirect(redirectSignIn.start(request, null, null,
                LocalRedirect.orRoot(returnPath, contextPath)).toString());
    }

    private static void writeText(HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", SignInResponses.RETRY_AFTER_SECONDS);
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getWriter().write(message);
        } catch (IOException e) {
            // the client went away
        }
    }
}
