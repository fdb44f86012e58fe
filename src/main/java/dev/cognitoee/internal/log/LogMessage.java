package dev.cognitoee.internal.log;

import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catalogue of the module's log messages that an operator may alert on: the startup line and every WARNING and
 * SEVERE, each with a stable id ({@code COGNITOEE-0001}...) at the start of its text, what it means and how to fix
 * it. The README's troubleshooting table is generated from this list ({@code ReadmeMessageTableTest}).
 *
 * <p>Ids are stable: a message keeps its number for ever, a new one takes the next, and a number is never reused,
 * so that operators' alerts keep working across versions.
 */
public enum LogMessage {

    /** The module is active in an application: what it serves and on which server. */
    MODULE_ACTIVE(1, Level.INFO, "the module is active in an application: its version, pool(s), app client(s), "
            + "sign-in mode, AWS credentials on or off, and the server's Payara and Jakarta EE versions",
            "nothing to fix; no line for an application means the module is off there (see COGNITOEE-0002)"),
    /** The annotation is on a class that CDI does not discover, so the module is off. */
    DEFINITION_NOT_A_BEAN(2, Level.WARNING, "`@CognitoAuthenticationMechanismDefinition` is on a class that CDI "
            + "does not discover as a bean, so the module is off in that application",
            "make the class a bean: annotate it `@ApplicationScoped` (or give the archive a `beans.xml` with "
                    + "`bean-discovery-mode=\"all\"`)"),
    /** The app client has a secret and the module sends none. */
    SECRET_HASH_MISSING(3, Level.WARNING, "the app client has a secret, the module has none, so Cognito refuses "
            + "every sign-in and refresh (users see a wrong password)",
            "set `cognito.client-secret` to the app client's secret (better: the `COGNITO_CLIENT_SECRET` environment "
                    + "variable)"),
    /** The module's client secret does not match the app client's. */
    SECRET_HASH_WRONG(4, Level.WARNING, "Cognito cannot verify the SECRET_HASH the module sends: "
            + "`cognito.client-secret` is not the secret of the app client `cognito.client-id` (or that client has "
            + "no secret)", "copy the app client's secret into `cognito.client-secret`, or remove the key if the "
                    + "app client has no secret"),
    /** The app client does not allow the flow the module uses. */
    FLOW_NOT_ENABLED(5, Level.WARNING, "the app client does not allow the authentication flow the module uses "
            + "(password sign-in needs `ALLOW_USER_PASSWORD_AUTH`, or `ALLOW_USER_SRP_AUTH` with "
            + "`cognito.sign-in.auth-flow=USER_SRP_AUTH`; refresh `ALLOW_REFRESH_TOKEN_AUTH`); users get "
            + "`INVALID_PARAMETER`", "enable the flow on the app client (Cognito console: App client, "
                    + "Authentication flows; or `ExplicitAuthFlows` of UpdateUserPoolClient)"),
    /** The app client (or the pool) does not exist where the module asks. */
    APP_CLIENT_NOT_FOUND(6, Level.WARNING, "Cognito does not know the app client `cognito.client-id` (or its user "
            + "pool) in the region the module calls", "check `cognito.client-id` and `cognito.user-pool-id`, and "
                    + "that `cognito.region` / `cognito.endpoint` point at the pool's region"),
    /** The identity pool does not trust the user pool or its app client. */
    IDENTITY_POOL_UNTRUSTED(7, Level.WARNING, "the identity pool refuses the user pool's id tokens: the user pool "
            + "(or its app client) is not one of its authentication providers", "add the user pool and the app "
                    + "client `cognito.client-id` as a Cognito provider of the identity pool "
                    + "`cognito.identity-pool-id`, or point that key at the right identity pool"),
    /** The identity pool does not exist where the module asks. */
    IDENTITY_POOL_NOT_FOUND(8, Level.WARNING, "Cognito Identity does not know the identity pool "
            + "`cognito.identity-pool-id` in the region the module calls", "check `cognito.identity-pool-id`, and "
                    + "`cognito.region` / `cognito.identity-endpoint` (the identity pool's region)"),
    /** The identity pool refuses guests the module asks credentials for. */
    GUEST_ACCESS_REFUSED(9, Level.WARNING, "`cognito.allow-guest-access` is on but the identity pool does not allow "
            + "unauthenticated identities", "allow guest access in the identity pool, or set "
                    + "`cognito.allow-guest-access=false`"),
    /** Two settings name different AWS regions. */
    REGION_MISMATCH(10, Level.WARNING, "checked at deployment: a setting names another AWS region than "
            + "`cognito.region` (the identity pool id's prefix, or the region in an endpoint's host name); calls "
            + "then fail as though the pool or client did not exist", "make `cognito.region`, the ids and the "
                    + "endpoints agree (the key is named in the message)"),
    /** The configuration is invalid: the deployment fails. */
    CONFIGURATION_INVALID(11, Level.SEVERE, "the deployment fails: the configuration is invalid, each problem "
            + "naming its key", "fix each key named (see Configuration)"),
    /** The annotation appears more than once. */
    DEFINITION_TWICE(12, Level.SEVERE, "the deployment fails: `@CognitoAuthenticationMechanismDefinition` is on "
            + "more than one class", "keep one"),
    /** The application declares more than one token provider. */
    TOKEN_PROVIDER_TWICE(13, Level.SEVERE, "the deployment fails: the application declares more than one "
            + "`TokenProvider` bean", "keep one (it replaces the module's)"),
    /** The hosted UI's callback is not a URL of the application. */
    CALLBACK_OUTSIDE_APPLICATION(14, Level.SEVERE, "the deployment fails: `cognito.redirect-uri` is not a URL of "
            + "this application", "use a path under the application's context root"),
    /** Cognito cannot be reached. */
    COGNITO_UNREACHABLE(15, Level.WARNING, "a call to Cognito (user pool or identity pool) failed on the network "
            + "or timed out; users get 503 with `Retry-After`", "check `cognito.endpoint` / "
                    + "`cognito.identity-endpoint`, the timeouts and the network (proxy, DNS, VPC endpoint)"),
    /** Cognito answered an error that is not a user's mistake. */
    COGNITO_ERROR(16, Level.WARNING, "Cognito answered an error that is neither a user's mistake nor a known "
            + "misconfiguration (its code and text follow)", "read Cognito's text; a 5xx passes by itself"),
    /** A Cognito call failed unexpectedly. */
    COGNITO_CALL_FAILED(17, Level.WARNING, "a call to Cognito failed in the AWS SDK for another reason",
            "read the text; report it if it persists"),
    /** The identity pool cannot be reached or failed. */
    IDENTITY_POOL_UNAVAILABLE(18, Level.WARNING, "the identity pool could not be reached, throttled, or failed; "
            + "callers asking for AWS credentials get 503", "check `cognito.identity-endpoint` and the network; a "
                    + "throttled pool may need a higher quota"),
    /** Requests are answered 503: Cognito or its keys cannot be reached. */
    ANSWERING_503(19, Level.WARNING, "requests that need Cognito or the pool's keys are answered 503 (one line "
            + "every 10 s during an outage, the rest at FINE)", "check that Cognito and `cognito.jwks-uri` are "
                    + "reachable from the server"),
    /** The cached signing keys stay in service: the JWKS cannot be fetched. */
    SIGNING_KEYS_STALE(20, Level.WARNING, "the pool's keys (`cognito.jwks-uri`) cannot be refetched; the cached "
            + "keys stay in service", "check that `cognito.jwks-uri` is reachable"),
    /** A token names an unknown key and the keys cannot be refetched. */
    SIGNING_KEYS_UNAVAILABLE(21, Level.WARNING, "a token names a key the module does not have, and the pool's keys "
            + "cannot be fetched", "check that `cognito.jwks-uri` is reachable"),
    /** A key of the JWKS is ignored. */
    JWKS_KEY_IGNORED(22, Level.WARNING, "a key of the JWKS cannot be used (not RSA, or malformed) and is ignored",
            "check `cognito.jwks-uri` names the pool's JWKS"),
    /** The revocation list is full. */
    REVOCATION_LIST_FULL(23, Level.WARNING, "the list of signed-out sessions is full; the oldest entries are "
            + "dropped, so their tokens pass again until they expire", "shorten token lifetimes, or use "
                    + "`cognito.revocation-check=cognito`"),
    /** A session token could not be read to record its revocation. */
    REVOCATION_NOT_RECORDED(24, Level.WARNING, "a signed-out session's token could not be read, so its revocation "
            + "is not recorded", "none; report it if it persists"),
    /** An observer of the module's events failed. */
    EVENT_OBSERVER_FAILED(25, Level.WARNING, "an application's observer of a module event (`SignedIn`, ...) threw; "
            + "the module carries on", "fix the observer named"),
    /** The credentials provider failed. */
    CREDENTIALS_PROVIDER_FAILED(26, Level.WARNING, "the credentials provider (the identity pool's or the "
            + "application's) failed in an unexpected way", "read the text; fix the application's provider"),
    /** The credentials provider failed to forget a caller. */
    CREDENTIALS_NOT_CLEARED(27, Level.WARNING, "the credentials provider failed to forget a caller at sign-out",
            "fix the application's provider's `clearCredentialsAndIdentityId`"),
    /** A sign-out was local only. */
    SIGN_OUT_LOCAL_ONLY(28, Level.WARNING, "the user was signed out here, but Cognito could not revoke the refresh "
            + "token or sign out globally", "check Cognito's reachability; the tokens end at their expiry"),
    /** The hosted UI's token endpoint refused the code exchange. */
    HOSTED_UI_CODE_REFUSED(29, Level.WARNING, "the hosted UI's token endpoint refused to exchange a code for "
            + "another reason than an expired code", "check the app client's secret (`cognito.client-secret`), its "
                    + "OAuth flows (authorization code grant) and its callback URL (`cognito.redirect-uri`)"),
    /** A hosted UI sign-in could not be finished: Cognito unreachable. */
    HOSTED_UI_UNAVAILABLE(30, Level.WARNING, "a hosted UI sign-in could not be finished because Cognito could not "
            + "be reached", "check the network to the hosted UI's domain"),
    /** The session cookie may be sent without the configured SameSite. */
    SESSION_COOKIE_SAME_SITE(31, Level.WARNING, "the server may send the session cookie without the configured "
            + "`SameSite` attribute", "on a server other than Payara, set it in the server's session cookie "
                    + "settings"),
    /** The identity pool's roles are missing or do not trust it. */
    IDENTITY_POOL_ROLES_INVALID(32, Level.WARNING, "the identity pool has no IAM role for the caller, or its roles "
            + "do not trust it (`InvalidIdentityPoolConfigurationException`); callers get no AWS credentials",
            "give the identity pool its authenticated (and guest) role, each trusting `cognito-identity.amazonaws.com` "
                    + "with this identity pool's id in its condition"),
    /** The cluster's grid (Payara's JCache) failed or cannot hold a shared structure: that part works per node. */
    GRID_UNAVAILABLE(33, Level.WARNING, "the cluster's data grid (Payara's JCache on Hazelcast) failed or cannot "
            + "hold one of the module's shared structures (credentials, revocations, the refresh hand-off); that part "
            + "falls back to this node alone (the message says which, and what it costs)", "check the Hazelcast "
                    + "cluster (members, network, memory); see docs/CLUSTER.md"),
    /** A sealed value in a session does not authenticate: it was altered, or sealed under another key. */
    SESSION_SEAL_BROKEN(34, Level.WARNING, "a secret sealed in a session (refresh token, challenge session) does "
            + "not authenticate: altered, or sealed under a different key that has the same id; the session is "
            + "signed out", "give every node the same `cognito.session-encryption-key`, and never reuse a key id for "
                    + "another key; if neither explains it, the session store was tampered with"),
    /** A new device could not be confirmed or remembered: the sign-in goes on without device tracking. */
    DEVICE_NOT_REMEMBERED(43, Level.WARNING, "Cognito handed out a new device at a sign-in (the pool tracks "
            + "devices), and the module could not confirm it (ConfirmDevice failed) or could not set the device "
            + "cookie; the user is signed in, the browser is a new device at the next sign-in", "check the reason "
                    + "in the message; a failing ConfirmDevice with `NotAuthorizedException` points at the app "
                    + "client's token scopes (`aws.cognito.signin.user.admin`)"),
    /** A remembered device's proof was refused: the server forgets the device and signs in without it. */
    DEVICE_PROOF_REFUSED(44, Level.WARNING, "Cognito refused the DEVICE_SRP_AUTH answer of a remembered device "
            + "(forgotten at Cognito, or its verifier replaced); the module forgets the device and signs the user "
            + "in again as a new device", "nothing to fix when a user forgot the device elsewhere; repeated for "
                    + "every user, check that every node has the same `cognito.session-encryption-key`"),
    /** The user pool is not set up for passkeys: registering or listing them fails. */
    WEBAUTHN_NOT_ENABLED(51, Level.WARNING, "a passkey call (`startWebAuthnRegistration`, `listWebAuthnCredentials`"
            + "...) was refused because the user pool is not set up for passkeys (`WebAuthnNotEnabledException`, "
            + "`WebAuthnConfigurationMissingException`); users get `WEBAUTHN_NOT_ENABLED`", "give the pool a "
                    + "WebAuthn configuration (relying party id = the site's domain, user verification) and allow "
                    + "`WEB_AUTHN` in its sign-in policy (SetUserPoolMfaConfig / UpdateUserPool, Essentials tier or "
                    + "higher), or hide the passkey pages"),
    /** Cognito's SRP challenge cannot be answered safely: the SRP sign-in is refused. */
    SRP_CHALLENGE_REFUSED(55, Level.WARNING, "an SRP sign-in (`cognito.sign-in.auth-flow=USER_SRP_AUTH`) got a "
            + "PASSWORD_VERIFIER challenge that must not be answered: a value missing or malformed, or one that would "
            + "make the proof worthless (`SRP_B` = 0 mod N, `u` = 0); the user gets `UNEXPECTED`", "check that "
                    + "`cognito.endpoint` (or the region's endpoint) reaches Cognito itself, not a proxy or service "
                    + "answering in its place; report it if it persists");

    private static final String PREFIX = "COGNITOEE-";

    private final int number;
    private final Level level;
    private final String meaning;
    private final String fix;

    LogMessage(int number, Level level, String meaning, String fix) {
        this.number = number;
        this.level = level;
        this.meaning = meaning;
        this.fix = fix;
    }

    /** The stable id, {@code COGNITOEE-0001}. */
    public String id() {
        return PREFIX + String.format("%04d", number);
    }

    /** The level the message is logged at (a repeat within a rate limit goes to FINE). */
    public Level level() {
        return level;
    }

    /** What the message means, for the README's table (Markdown). */
    public String meaning() {
        return meaning;
    }

    /** What to do about it, for the README's table (Markdown). */
    public String fix() {
        return fix;
    }

    /** {@code text} with this message's id in front, for an exception message or a pattern logged elsewhere. */
    public String text(String text) {
        return id() + " " + text;
    }

    /**
     * Logs {@code pattern} ({@link java.text.MessageFormat}, applied only when there are parameters) at this
     * message's level, with its id in front.
     */
    public void log(Logger logger, String pattern, Object... parameters) {
        log(logger, level, pattern, parameters);
    }

    /** As {@link #log(Logger, String, Object...)}, at {@code atLevel} (a repeat demoted to FINE, say). */
    public void log(Logger logger, Level atLevel, String pattern, Object... parameters) {
        if (logger.isLoggable(atLevel)) {
            // the logger's name is its class's: the record names it, not this catalogue, as its source
            logger.logp(atLevel, logger.getName(), null, text(pattern), parameters);
        }
    }

    /** As {@link #log(Logger, String, Object...)}, with the stack trace of {@code thrown}. */
    public void log(Logger logger, String text, Throwable thrown) {
        if (logger.isLoggable(level)) {
            logger.logp(level, logger.getName(), null, text(text), thrown);
        }
    }

    /** Every message, in the order of their ids. */
    public static List<LogMessage> all() {
        return Arrays.asList(values());
    }
}
