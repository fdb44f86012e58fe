package dev.cognitoee.mechanism;

import dev.cognitoee.token.CognitoTokenVerifier;
import dev.cognitoee.token.SigningKeysUnavailableException;
import dev.cognitoee.token.TokenRejectedException;
import dev.cognitoee.token.TokenRejection;
import dev.cognitoee.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates requests that carry a Cognito token as {@code Authorization: Bearer <token>} (RFC 6750).
 *
 * <ul>
 *   <li>valid token: the caller is the token's user, with its groups as roles; no HTTP session is created;</li>
 *   <li>invalid token: 401 with {@code WWW-Authenticate: Bearer error="invalid_token", error_description=...};</li>
 *   <li>no token on a protected resource: 401 with {@code WWW-Authenticate: Bearer};</li>
 *   <li>the pool's keys cannot be fetched: 503, as nothing is wrong with the request.</li>
 * </ul>
 */
@ApplicationScoped
class CognitoAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CognitoAuthenticationMechanism.class.getName());
    private static final String BEARER = "Bearer";

    @Inject
    CognitoTokenVerifier verifier;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            if (context.isProtected()) {
                response.setHeader("WWW-Authenticate", BEARER);
                return context.responseUnauthorized();
            }
            return context.doNothing();
        }
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            return reject(request, response, context, e.rejection());
        } catch (SigningKeysUnavailableException e) {
            LOG.log(Level.WARNING, "Bearer token not judged, answering 503: {0}", e.getMessage());
            return serviceUnavailable(response);
        }
        CredentialValidationResult result = identityStoreHandler.validate(verified);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.log(Level.FINE, "Bearer token of {0} refused by the identity stores", verified.callerName());
            return invalidToken(response, context, "the caller is not accepted by this application");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /** The token after {@code Bearer }, empty if there is none, or null if the header is not a bearer one. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        if (authorization.length() == BEARER.length()) {
            return "";
        }
        if (authorization.charAt(BEARER.length()) != ' ') {
            return null; // another scheme that starts with the same letters
        }
        return authorization.substring(BEARER.length() + 1).trim();
    }

    private static AuthenticationStatus reject(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context, TokenRejection rejection) {
        if (LOG.isLoggable(Level.FINE)) {
            // method and path only: a query string may carry secrets too
            LOG.log(Level.FINE, "Bearer token rejected ({0}) on {1} {2}: {3}", new Object[] {
                    rejection, request.getMethod(), request.getRequestURI(), rejection.description()});
        }
        return invalidToken(response, context, rejection.description());
    }

    private static AuthenticationStatus invalidToken(HttpServletResponse response, HttpMessageContext context,
                                                     String description) {
        response.setHeader("WWW-Authenticate",
                BEARER + " error=\"invalid_token\", error_description=\"" + description + "\"");
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus serviceUnavailable(HttpServletResponse response) {
        try {
            response.setHeader("Retry-After", "10");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The identity provider cannot be reached; try again shortly.");
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not send the 503 response", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
