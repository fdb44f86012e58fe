package dev.cognitoee;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns Cognito EE on for the application: put it on any CDI bean (typically an {@code @ApplicationScoped}
 * configuration class) and the module installs a Jakarta Security {@code HttpAuthenticationMechanism} and
 * {@code IdentityStore} backed by the configured Amazon Cognito user pool.
 *
 * <p>Every attribute has a MicroProfile Config key, named in its documentation. A value found in MicroProfile Config (system property,
 * environment variable, {@code microprofile-config.properties}) wins over the attribute; an attribute left at its
 * default sets nothing (an empty text attribute is "not set here"; a number's or a flag's default is the key's own). A missing or malformed required value fails the deployment with a message naming the key.
 *
 * <pre>{@code
 * @CognitoAuthenticationMechanismDefinition(region = "eu-west-1", userPoolId = "eu-west-1_AbC123", clientId = "4f1...")
 * @DeclareRoles({"admin", "user"})
 * @ApplicationScoped
 * public class SecurityConfig { }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CognitoAuthenticationMechanismDefinition {

    /**
     * The AWS region of the user pool, e.g. {@code eu-west-1}. Key {@code cognito.region}; defaults to the region
     * prefix of the user pool id.
     *
     * @return the value here; empty means not set here
     */
    String region() default "";

    /**
     * The user pool id, e.g. {@code eu-west-1_AbC123}. Key {@code cognito.user-pool-id}. Required.
     *
     * @return the value here; empty means not set here
     */
    String userPoolId() default "";

    /**
     * The app client id(s) whose tokens are accepted, comma-separated. Key {@code cognito.client-id}. Required.
     *
     * @return the value here; empty means not set here
     */
    String clientId() default "";

    /**
     * The app client's secret, if it has one (SECRET_HASH is then sent). Key {@code cognito.client-secret}. Prefer
     * MicroProfile Config (an environment variable) to writing a secret in code.
     *
     * @return the value here; empty means not set here
     */
    String clientSecret() default "";

    /**
     * Overrides the Cognito API endpoint (an emulator, a VPC endpoint). Key {@code cognito.endpoint}.
     *
     * @return the value here; empty means not set here
     */
    String endpoint() default "";

    /**
     * The identity pool that gives signed-in users (and guests, if allowed) temporary AWS credentials. Key {@code
     * cognito.identity-pool-id}; optional: without it there are no AWS credentials.
     *
     * @return the value here; empty means not set here
     */
    String identityPoolId() default "";

    /**
     * Overrides the Cognito Identity API endpoint. Key {@code cognito.identity-endpoint}.
     *
     * @return the value here; empty means not set here
     */
    String identityEndpoint() default "";

    /**
     * Whether callers who are not signed in get guest credentials from the identity pool. Key {@code
     * cognito.allow-guest-access}; default false.
     *
     * @return the value here; the default, false, sets nothing here
     */
    boolean allowGuestAccess() default false;

    /**
     * The expected {@code iss} claim. Key {@code cognito.issuer}; defaults to {@code
     * https://cognito-idp.<region>.amazonaws.com/<userPoolId>}.
     *
     * @return the value here; empty means not set here
     */
    String issuer() default "";

    /**
     * Where the pool's signing keys are published. Key {@code cognito.jwks-uri}; defaults to {@code
     * <issuer>/.well-known/jwks.json}. Must be https unless the host is a loopback address.
     *
     * @return the value here; empty means not set here
     */
    String jwksUri() default "";

    /**
     * Which Cognito token a bearer request must carry: {@code access} (default) or {@code id}. Key {@code
     * cognito.token-use}.
     *
     * @return the value here; the default, {@code access}, sets nothing here
     */
    String tokenUse() default "access";

    /**
     * Tolerated clock difference, in seconds, for {@code exp}, {@code nbf} and {@code iat}. Key {@code
     * cognito.clock-skew}; default 60.
     *
     * @return the value here, in seconds; the default, 60, sets nothing here
     */
    int clockSkew() default 60;

    /**
     * The claim holding the caller's groups, which become roles. Key {@code cognito.groups-claim}; default {@code
     * cognito:groups}.
     *
     * @return the value here; the default, {@code cognito:groups}, sets nothing here
     */
    String groupsClaim() default "cognito:groups";

    /**
     * The claim holding the caller's name. Key {@code cognito.caller-name-claim}; default {@code username} for
     * access tokens, {@code cognito:username} for id tokens.
     *
     * @return the value here; empty means not set here
     */
    String callerNameClaim() default "";

    /**
     * The application's sign-in page: anonymous browser requests to pages the servlet container protects are
     * redirected there (JAX-RS resources answer 401), and a failed form sign-in returns there unless an error page is
     * set. Key {@code cognito.login-page}; when unset, protected pages answer 401.
     *
     * @return the value here; empty means not set here
     */
    String loginPage() default "";

    /**
     * Where a failed form sign-in is redirected. Key {@code cognito.error-page}; default: the login page.
     *
     * @return the value here; empty means not set here
     */
    String errorPage() default "";

    /**
     * How many seconds before its expiry a session's access token is refreshed. Key {@code
     * cognito.refresh-ahead}; default 120.
     *
     * @return the value here, in seconds; the default, 120, sets nothing here
     */
    int refreshAhead() default 120;

    /**
     * Connect timeout of every call to Cognito (JWKS and API), in milliseconds. Key {@code
     * cognito.connect-timeout}; default 5000.
     *
     * @return the value here, in milliseconds; the default, 5000, sets nothing here
     */
    int connectTimeout() default 5000;

    /**
     * Read timeout of every call to Cognito (JWKS and API), in milliseconds. Key {@code cognito.read-timeout};
     * default 5000.
     *
     * @return the value here, in milliseconds; the default, 5000, sets nothing here
     */
    int readTimeout() default 5000;

    /**
     * How many verified tokens are remembered so that a repeated token costs no signature check; 0 turns the cache
     * off. Key {@code cognito.token-cache-size}; default 10000.
     *
     * @return the value here; the default, 10000, sets nothing here
     */
    int tokenCacheSize() default 10000;

    /**
     * Origins besides the application's own (e.g. {@code https://www.example.com}) whose pages may post a sign-in
     * to {@code j_security_check}, comma-separated; a sign-in posted from any other origin is refused with 403.
     * Key {@code cognito.allowed-origins}; default none.
     *
     * @return the value here; empty means not set here
     */
    String allowedOrigins() default "";

    /**
     * How many sign-ins this node sends to Cognito at once. Past it a sign-in is answered 429 with {@code
     * Retry-After}, so that a flood of sign-ins cannot use up the account's Cognito quota that token refreshes need
     * too. Key {@code cognito.max-concurrent-sign-ins}; default 20.
     *
     * @return the value here; the default, 20, sets nothing here
     */
    int maxConcurrentSignIns() default 20;

    /**
     * The Cognito flow of a password sign-in, for the sign-in form and {@code CognitoAuth.signIn}: {@code
     * USER_PASSWORD_AUTH} (the password goes to Cognito) or {@code USER_SRP_AUTH} (Secure Remote Password: Cognito
     * gets a proof of the password, never the password; for pools whose app clients do not allow {@code
     * ALLOW_USER_PASSWORD_AUTH}). Key {@code cognito.sign-in.auth-flow}; default {@code USER_PASSWORD_AUTH}.
     *
     * @return the value here; the default, {@code USER_PASSWORD_AUTH}, sets nothing here
     */
    String signInAuthFlow() default "USER_PASSWORD_AUTH";

    /**
     * Which tokens are refused before their {@code exp}: {@code off} (default), {@code local} (tokens of sessions
     * signed out through {@code CognitoAuth.signOut}, on this node) or {@code cognito} ({@code local}, and each
     * new access token is put to Cognito's GetUser, which refuses revoked tokens and deleted users). Key {@code
     * cognito.revocation-check}; {@code cognito} needs {@code tokenUse} {@code access}. See docs/TOKENS.md.
     *
     * @return the value here; the default, {@code off}, sets nothing here
     */
    String revocationCheck() default "off";

    /**
     * With {@code revocationCheck = "cognito"}: how many seconds GetUser's acceptance of an access token is
     * trusted before Cognito is asked again. Key {@code cognito.revocation-cache-time}; default 60.
     *
     * @return the value here, in seconds; the default, 60, sets nothing here
     */
    int revocationCacheTime() default 60;

    /**
     * The {@code SameSite} attribute of the session cookie, which the module sets itself on Payara 6 and 7: {@code
     * Lax}, {@code Strict} or {@code None} ({@code None} makes the cookie {@code Secure} on every request, as
     * browsers require). Key {@code cognito.session-cookie-same-site}; default {@code Lax}.
     *
     * @return the value here; the default, {@code Lax}, sets nothing here
     */
    String sessionCookieSameSite() default "Lax";

    /**
     * The AES-256 keys that encrypt refresh tokens and Cognito's challenge sessions in the HTTP session, as {@code
     * <id>:<base64 key>} entries, comma-separated: the first encrypts, all decrypt. Key {@code
     * cognito.session-encryption-key}; without it a random key is made per deployment, which a {@code
     * <distributable/>} application may not use. A secret: prefer MicroProfile Config (an environment variable) to
     * writing keys in code.
     *
     * @return the value here; empty means not set here
     */
    String sessionEncryptionKey() default "";

    /**
     * How anonymous browsers asking for a protected page sign in: {@code form} (the application's page, {@link
     * #loginPage()}) or {@code hosted-ui} (a redirect to Cognito's hosted UI, authorization code with PKCE; see
     * docs/HOSTED-UI.md). Key {@code cognito.sign-in}; default {@code form}.
     *
     * @return the value here; the default, {@code form}, sets nothing here
     */
    String signIn() default "form";

    /**
     * The user pool's domain: a prefix ({@code myapp}, served at {@code https://myapp.auth.<region>.amazoncognito.com})
     * or a custom domain ({@code auth.example.com}). Key {@code cognito.hosted-ui.domain}; required with
     * {@code hosted-ui} sign-in.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiDomain() default "";

    /**
     * The base URL of the hosted UI, instead of the one the domain gives (an emulator). Key
     * {@code cognito.hosted-ui.endpoint}.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiEndpoint() default "";

    /**
     * The callback URL of the code flow, registered on the app client; the module serves it at its path, which
     * must be a path of this application. Key {@code cognito.redirect-uri}; required with a hosted UI.
     *
     * @return the value here; empty means not set here
     */
    String redirectUri() default "";

    /**
     * The scopes asked of the hosted UI, space-separated; {@code openid} is required. Key {@code cognito.scopes};
     * default {@code openid email profile aws.cognito.signin.user.admin}.
     *
     * @return the value here; the default sets nothing here
     */
    String scopes() default "openid email profile aws.cognito.signin.user.admin";

    /**
     * A sign-out URL registered on the app client: signing out of a session that came through the hosted UI then
     * ends Cognito's own session too, through its {@code /logout}. Key {@code cognito.logout-uri}; without it
     * sign-out is local only.
     *
     * @return the value here; empty means not set here
     */
    String logoutUri() default "";

    /**
     * The federated identity provider browsers are sent straight to ({@code identity_provider}: {@code Google},
     * {@code SignInWithApple}, a SAML or OIDC provider name). Key {@code cognito.hosted-ui.identity-provider}.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiIdentityProvider() default "";

    /**
     * The identifier of the federated identity provider browsers are sent straight to ({@code idp_identifier}).
     * Key {@code cognito.hosted-ui.idp-identifier}.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiIdpIdentifier() default "";

    /**
     * The language of the hosted pages ({@code lang}, e.g. {@code fr}). Key {@code cognito.hosted-ui.lang}.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiLang() default "";

    /**
     * The {@code prompt} sent to the hosted UI ({@code login}, {@code none}, {@code consent},
     * {@code select_account}). Key {@code cognito.hosted-ui.prompt}.
     *
     * @return the value here; empty means not set here
     */
    String hostedUiPrompt() default "";
}
