package dev.cognitoee.internal.mechanism;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.config.SignIn;
import dev.cognitoee.internal.device.DeviceCookie;
import dev.cognitoee.internal.metrics.Metrics;
import dev.cognitoee.internal.oauth.LocalRedirect;
import dev.cognitoee.internal.session.SessionStore;
import dev.cognitoee.internal.token.BearerTokenVerifier;
import dev.cognitoee.internal.token.SigningKeysUnavailableException;
import dev.cognitoee.internal.token.TokenRejectedException;
import dev.cognitoee.internal.token.VerifiedToken;
import dev.cognitoee.internal.userpool.CognitoErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's {@code HttpAuthenticationMechanism}. For each request, the first that applies:
 * <ol>
 *   <li>{@code Authorization: Bearer <token>} (RFC 6750): valid token, the caller is its user for this request and
 *   no HTTP session is created; invalid, 401 {@code Bearer error="invalid_token", error_description=...};</li>
 *   <li>the hosted UI's callback ({@code cognito.redirect-uri}): the code flow is finished and the browser sent to
 *   the page it first asked for, signed in (see {@link HostedUiCallback});</li>
 *   <li>a sign-in posted to {@code j_security_check} (form or JSON): checked through the identity stores (Cognito),
 *   answered with a redirect (form) or JSON;</li>
 *   <li>{@code SecurityContext.authenticate} with a {@code UsernamePasswordCredential}: the same sign-in, and the
 *   caller is authenticated for the current request too;</li>
 *   <li>a signed-in HTTP session: the caller comes from the tokens kept in it (refreshed shortly before they
 *   expire);</li>
 *   <li>nobody, on a protected resource: a redirect to the hosted UI ({@code cognito.sign-in=hosted-ui}) or to
 *   {@code cognito.login-page} for browsers when one is set, otherwise 401 {@code WWW-Authenticate: Bearer}.</li>
 * </ol>
 * When Cognito or its keys cannot be reached and the request cannot be judged without them, the answer is 503.
 */
@ApplicationScoped
class CognitoAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CognitoAuthenticationMechanism.class.getName());
    private static final String BEARER = "Bearer";

    @Inject
    CognitoConfig config;

    @Inject
    BearerTokenVerifier verifier;

    @Inject
    SessionCaller sessionCaller;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    HostedUiCallback hostedUi;

    private final OutageLog outageLog = new OutageLog(LOG, System::nanoTime);

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        DeviceCookie.holdResponse(request, response); // a sign-in in this request may remember a device
        String token = bearerToken(request.getHeader("Authorization"));
        if (token != null) {
            if (moreThanOne(request.getHeaders("Authorization"))) {
                // Which one would count is the server's guess, and a proxy in front may have guessed otherwise.
                return invalidRequest(response, "more than one Authorization header");
            }
            return bearer(request, response, context, token);
        }
        if (hostedUi.matches(request)) {
            return hostedUi.handle(request, response, context);
        }
        if (SignInRequest.matches(request)) {
            return postedSignIn(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStoreHandler.validate(credential);
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result) : AuthenticationStatus.SEND_FAILURE;
        }
        VerifiedToken sessionToken;
        try {
            sessionToken = sessionCaller.verifiedToken(request);
        } catch (CognitoAuthException e) {
            outageLog.answered503("Session not judged, answering 503: {0}", e.getMessage());
            return serviceUnavailable(request, response);
        }
        if (sessionToken != null) {
            return caller(response, context, sessionToken);
        }
        // Payara's JAX-RS security asks for authentication on @PermitAll resources too: public all the same
        if (context.isProtected() && !RolesAllowedChallengeFeature.permitsAll(request)) {
            return challenge(request, response, context);
        }
        return context.doNothing();
    }

    /** The token after {@code Bearer }, empty if there is none, or null if the header is not a bearer one. */
    static String bearerToken(String authorization) {
        if (!isBearer(authorization)) {
            return null;
        }
        if (authorization.length() == BEARER.length()) {
            return "";
        }
        return authorization.substring(BEARER.length() + 1).trim();
    }

    /**
     * Whether the header is a bearer one, as {@link #bearerToken} judges it, without copying the token out (the
     * response filters ask this of every bearer request).
     */
    static boolean isBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        // not another scheme that starts with the same letters
        return authorization.length() == BEARER.length() || authorization.charAt(BEARER.length()) == ' ';
    }

    private static boolean moreThanOne(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    /** RFC 6750 {@code invalid_request}: 400, the request itself is malformed (a bearer request: JSON body). */
    private static AuthenticationStatus invalidRequest(HttpServletResponse response, String description) {
        response.setHeader("WWW-Authenticate", BEARER + " error=\"" + ApiErrors.INVALID_REQUEST
                + "\", error_description=\"" + description + "\"");
        ApiErrors.send(response, HttpServletResponse.SC_BAD_REQUEST, ApiErrors.INVALID_REQUEST, description);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String token) {
        try {
            return caller(response, context, verifier.verify(token));
        } catch (TokenRejectedException e) {
            Metrics.TOKEN_REJECTIONS.increment(e.rejection());
            if (LOG.isLoggable(Level.FINE)) {
                // method and path only: a query string may carry secrets too
                LOG.log(Level.FINE, "Bearer token rejected ({0}) on {1} {2}: {3}", new Object[] {
                        e.rejection(), request.getMethod(), request.getRequestURI(), e.rejection().description()});
            }
            return invalidToken(response, context, e.rejection().description());
        } catch (SigningKeysUnavailableException e) {
            outageLog.answered503("Bearer token not judged, answering 503: {0}", e.getMessage());
            return serviceUnavailable(request, response);
        }
    }

    private AuthenticationStatus caller(HttpServletResponse response, HttpMessageContext context,
                                        VerifiedToken token) {
        CredentialValidationResult result = identityStoreHandler.validate(token);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.log(Level.FINE, "The token of {0} is refused by the identity stores", token.callerName());
            return invalidToken(response, context, "the caller is not accepted by this application");
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus postedSignIn(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String crossOrigin = OriginCheck.refusal(request, config.allowedOrigins());
        if (crossOrigin != null) {
            LOG.log(Level.INFO, "Refused a sign-in {0} ({1}); allow trusted origins with {2}", new Object[] {
                    crossOrigin, LogText.of(request.getHeader("Origin")), Setting.ALLOWED_ORIGINS.key()});
            SignInResponses.refuseCrossOrigin(response, SignInRequest.wantsJson(request));
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInRequest signIn = SignInRequest.read(request);
        SignInAttempt attempt;
        if (signIn.complete()) {
            identityStoreHandler.validate(new UsernamePasswordCredential(signIn.username(), signIn.password()));
            attempt = SignInAttempt.of(request);
        } else {
            attempt = new SignInAttempt(null, new CognitoAuthException(AuthError.INVALID_PARAMETER,
                    "A username and a password are required"));
        }
        if (attempt == null) { // another identity store of the application answered first
            attempt = new SignInAttempt(null, new CognitoAuthException(AuthError.NOT_AUTHORIZED,
                    CognitoErrors.userMessage(AuthError.NOT_AUTHORIZED)));
        }
        CognitoAuthException failure = attempt.failure();
        if (signIn.json()) {
            if (failure != null) {
                SignInResponses.write(response, SignInResponses.status(failure),
                        SignInResponses.error(failure.error(), failure.getMessage()));
            } else {
                SignInResponses.write(response, HttpServletResponse.SC_OK, SignInResponses.result(attempt.result()));
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if (failure != null && SignInResponses.isTryAgainLater(failure)) {
            // a form cannot be sent back to the error page for this: the browser must not post again at once
            SignInResponses.writeTryAgainLater(response, SignInResponses.status(failure));
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.redirect(formSignInTarget(request, attempt));
    }

    /** Where a browser goes after posting the sign-in form. */
    private String formSignInTarget(HttpServletRequest request, SignInAttempt attempt) {
        String contextPath = request.getContextPath();
        if (attempt.failure() != null) {
            String page = config.errorPage() != null ? config.errorPage() : "/";
            return contextPath + page + "?error=" + attempt.failure().error();
        }
        if (attempt.result().isSignedIn()) {
            return LocalRedirect.orRoot(SessionStore.takeSavedRequest(request), contextPath);
        }
        String page = config.loginPage() != null ? config.loginPage() : "/";
        return contextPath + page + "?step=" + attempt.result().nextStep().signInStep();
    }

    private AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        if (config.signIn() == SignIn.HOSTED_UI && wantsHtml(request)) {
            return hostedUi.challenge(request, context, "GET".equals(request.getMethod()) ? requestedPage(request)
                    : null);
        }
        if (config.loginPage() != null && wantsHtml(request)) {
            if ("GET".equals(request.getMethod())) {
                SessionStore.saveRequest(request, requestedPage(request));
            }
            return context.redirect(request.getContextPath() + config.loginPage());
        }
        response.setHeader("WWW-Authenticate", BEARER);
        if (ApiErrors.wanted(request)) {
            ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, ApiErrors.UNAUTHORIZED,
                    ApiErrors.AUTHENTICATION_REQUIRED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.responseUnauthorized();
    }

    /** The path and query the browser asked for, to come back to after sign-in. */
    private static String requestedPage(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static AuthenticationStatus invalidToken(HttpServletResponse response, HttpMessageContext context,
                                                     String description) {
        response.setHeader("WWW-Authenticate",
                BEARER + " error=\"invalid_token\", error_description=\"" + description + "\"");
        if (ApiErrors.wanted(context.getRequest())) {
            ApiErrors.send(response, HttpServletResponse.SC_UNAUTHORIZED, ApiErrors.INVALID_TOKEN, description);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus serviceUnavailable(HttpServletRequest request,
                                                           HttpServletResponse response) {
        response.setHeader("Retry-After", "10");
        if (ApiErrors.wanted(request)) {
            ApiErrors.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ApiErrors.TEMPORARILY_UNAVAILABLE,
                    ApiErrors.UNAVAILABLE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The identity provider cannot be reached; try again shortly.");
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send the 503 response", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
