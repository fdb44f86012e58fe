package dev.cognitoee.internal.oauth;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.PoolJsonWebToken;
import dev.cognitoee.event.SignInMethod;
import dev.cognitoee.event.SignInWithRedirect;
import dev.cognitoee.event.SignInWithRedirectFailed;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.config.HostedUi;
import dev.cognitoee.internal.config.Setting;
import dev.cognitoee.internal.config.TokenUse;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.session.AuthEvents;
import dev.cognitoee.internal.session.SessionTokens;
import dev.cognitoee.internal.session.SignInFlow;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.CognitoTokenVerifier;
import dev.cognitoee.internal.token.SigningKeysUnavailableException;
import dev.cognitoee.internal.token.TokenRejectedException;
import dev.cognitoee.internal.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in through Cognito's hosted UI, authorization code with PKCE: {@link #start} remembers a pending sign-in in
 * the browser's session and gives the {@code /oauth2/authorize} URL to send the browser to; {@link #complete}
 * finishes it on the callback (state, code exchange, id and access token verification including {@code nonce}),
 * then signs the user in exactly as a password sign-in does ({@link SignInFlow#signedIn}).
 *
 * <p>Nothing secret is logged: not the code, the tokens, {@code state}, {@code nonce} or the verifier; failures
 * log and report their reason only.
 */
@ApplicationScoped
public class RedirectSignIn {

    /** The pool the hosted UI signs in to: the single-pool settings'. */
    private static final String DEFAULT_POOL = PoolJsonWebToken.DEFAULT_POOL;
    private static final int MAX_CUSTOM_STATE_LENGTH = 1024;
    private static final int MAX_ERROR_LENGTH = 64;
    private static final Logger LOG = Logger.getLogger(RedirectSignIn.class.getName());

    @Inject
    CognitoConfig config;

    @Inject
    CognitoTokenVerifier verifier;

    @Inject
    SignInFlow signInFlow;

    @Inject
    AuthEvents events;

    @Inject
    @ModuleClock
    Clock clock;

    private final SecureRandom random = new SecureRandom();
    private volatile TokenEndpoint tokenEndpoint;

    /** Whether a hosted UI is configured. */
    public boolean configured() {
        return config.hostedUi() != null;
    }

    /** Whether {@code request} is for the callback ({@code cognito.redirect-uri}'s path). */
    public boolean isCallback(HttpServletRequest request) {
        HostedUi ui = config.hostedUi();
        return ui != null && request.getRequestURI().equals(ui.redirectUri().getRawPath());
    }

    /**
     * Starts a sign-in: remembers it in the request's session (created if needed) and returns the URL of the hosted
     * UI to send the browser to.
     *
     * @param provider    an {@code identity_provider} to go straight to, or null for the configured default
     * @param customState a value of the application, given back in {@link SignInWithRedirect}, or null
     * @param returnPath  where to send the browser once signed in: a path of this application, context path
     *                    included
     * @throws CognitoAuthException {@code INVALID_PARAMETER} when no hosted UI is configured, or a parameter is not
     *                              acceptable (a return path elsewhere than this application...)
     */
    public URI start(HttpServletRequest request, String provider, String customState, String returnPath) {
        HostedUi ui = config.hostedUi();
        Instant now = clock.instant();
        String refusal = refusal(ui, request.getContextPath(), provider, customState, returnPath);
        if (refusal != null) {
            events.fire(new SignInWithRedirectFailed(AuthError.INVALID_PARAMETER, refusal, customState,
                    DEFAULT_POOL, now));
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER, "Cannot sign in with the hosted UI: "
                    + refusal);
        }
        Pkce pkce = Pkce.create(random);
        PendingRedirect pending = new PendingRedirect(Randoms.base64Url(random, Randoms.BYTES),
                Randoms.base64Url(random, Randoms.BYTES), pkce.verifier(), returnPath, customState, provider, now);
        PendingRedirects.remember(request.getSession(true), pending, now);
        return HostedUiUrls.authorize(ui, config.signInClientId(), pending, pkce.challenge(), provider);
    }

    /** Why a sign-in cannot start with these parameters, or null when it can. */
    private static String refusal(HostedUi ui, String contextPath, String provider, String customState,
                                  String returnPath) {
        if (ui == null) {
            return "no hosted UI is configured (" + Setting.HOSTED_UI_DOMAIN.key() + ")";
        }
        if (!LocalRedirect.isLocalPath(returnPath, contextPath)) {
            return "the return path is not a path of this application";
        }
        if (customState != null && customState.length() > MAX_CUSTOM_STATE_LENGTH) {
            return "the custom state is longer than " + MAX_CUSTOM_STATE_LENGTH + " characters";
        }
        if (provider != null && !provider.matches("\\S{1,128}")) {
            return "the identity provider name is malformed";
        }
        return null;
    }

    /**
     * Finishes the sign-in the callback {@code request} names, and signs the user in.
     *
     * @return the path to send the browser to (context path included; checked again by the caller)
     * @throws CognitoAuthException typed ({@code INVALID_STATE}, {@code ACCESS_DENIED}, {@code INVALID_GRANT},
     *                              {@code INVALID_TOKEN}, {@code IDENTITY_PROVIDER_ERROR}, {@code SERVICE_UNAVAILABLE})
     *                              after {@link SignInWithRedirectFailed} was fired; nobody is signed in then
     */
    public String complete(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        PendingRedirect pending = session == null || state == null ? null
                : PendingRedirects.take(session, state, clock.instant());
        if (pending == null) {
            throw failed(AuthError.INVALID_STATE, session == null ? "the browser has no sign-in pending"
                    : state == null ? "the callback carries no state"
                    : "the state names no pending sign-in of this browser (unknown, expired or already used)", null);
        }
        String error = request.getParameter("error");
        if (error != null) {
            String code = error.length() <= MAX_ERROR_LENGTH && error.matches("[a-z_]+") ? error : "malformed";
            throw failed("access_denied".equals(code) ? AuthError.ACCESS_DENIED : AuthError.IDENTITY_PROVIDER_ERROR,
                    "the hosted UI answered error=" + code, pending.customState());
        }
        String code = request.getParameter("code");
        if (code == null || code.isEmpty()) {
            throw failed(AuthError.INVALID_GRANT, "the callback carries no code", pending.customState());
        }
        CodeTokens tokens;
        try {
            tokens = tokenEndpoint().exchange(code, pending.verifier());
        } catch (CognitoAuthException e) {
            throw failed(e.error(), e.getMessage(), pending.customState());
        }
        VerifiedToken id = verified(tokens.idToken(), TokenUse.ID, pending);
        VerifiedToken access = verified(tokens.accessToken(), TokenUse.ACCESS, pending);
        if (!sameNonce(id.claims().getString("nonce", null), pending.nonce())) {
            throw failed(AuthError.INVALID_TOKEN, "the id token's nonce is not the one of this sign-in",
                    pending.customState());
        }
        if (!(id.claims().get("aud") instanceof JsonString aud && config.signInClientId().equals(aud.getString()))
                || !id.claims().getString("sub", "").equals(access.claims().getString("sub", null))) {
            throw failed(AuthError.INVALID_TOKEN, "the id and access tokens are not of one user for the sign-in client",
                    pending.customState());
        }
        SessionTokens signedIn = signInFlow.signedIn(request, tokens.accessToken(), tokens.idToken(), tokens.refreshToken(),
                id.callerName(), SignInMethod.HOSTED_UI);
        events.fire(new SignInWithRedirect(signedIn.username(), access.claims().getString("sub", null),
                access.groups(), pending.customState(), DEFAULT_POOL, clock.instant()));
        return pending.returnPath();
    }

    /**
     * The URL of Cognito's {@code /logout} for a session signed in through the hosted UI, when
     * {@code cognito.logout-uri} is set; otherwise null (sign-out is local only).
     */
    public URI logoutUrl() {
        HostedUi ui = config.hostedUi();
        return ui == null || ui.logoutUri() == null ? null : HostedUiUrls.logout(ui, config.signInClientId());
    }

    private VerifiedToken verified(String token, TokenUse use, PendingRedirect pending) {
        try {
            return verifier.verifySignIn(token, use);
        } catch (TokenRejectedException e) {
            throw failed(AuthError.INVALID_TOKEN, "the " + use.claimValue() + " token is refused: "
                    + e.rejection().description(), pending.customState());
        } catch (SigningKeysUnavailableException e) {
            throw failed(AuthError.SERVICE_UNAVAILABLE, "the pool's keys cannot be had: " + e.getMessage(),
                    pending.customState());
        }
    }

    private static boolean sameNonce(String received, String expected) {
        return received != null && MessageDigest.isEqual(received.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private CognitoAuthException failed(AuthError error, String reason, String customState) {
        // A stray or replayed callback is anyone's to send: FINE, as refused bearer tokens, so it cannot flood the log.
        if (error == AuthError.SERVICE_UNAVAILABLE) {
            LogMessage.HOSTED_UI_UNAVAILABLE.log(LOG, "Sign-in through the hosted UI failed ({0}): {1}", error, reason);
        } else {
            LOG.log(error == AuthError.INVALID_STATE ? Level.FINE : Level.INFO,
                    "Sign-in through the hosted UI failed ({0}): {1}", new Object[] {error, reason});
        }
        events.fire(new SignInWithRedirectFailed(error, reason, customState, DEFAULT_POOL, clock.instant()));
        return new CognitoAuthException(error, "Sign-in through the hosted UI failed: " + reason);
    }

    private TokenEndpoint tokenEndpoint() {
        TokenEndpoint current = tokenEndpoint;
        if (current == null) {
            synchronized (this) {
                if (tokenEndpoint == null) {
                    tokenEndpoint = new TokenEndpoint(config);
                }
                current = tokenEndpoint;
            }
        }
        return current;
    }
}
