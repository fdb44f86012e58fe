package dev.cognitoee.internal.device;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.cluster.SharedState;
import dev.cognitoee.internal.config.CognitoConfig;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.SessionSealer;
import dev.cognitoee.internal.srp.DeviceSecret;
import dev.cognitoee.internal.time.ModuleClock;
import dev.cognitoee.internal.token.Jwt;
import dev.cognitoee.internal.userpool.SignInAnswer;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NewDeviceMetadataType;

/**
 * Cognito's device tracking at sign-in, done on the server as Amplify does it in the browser. A sign-in from a
 * browser with a remembered device sends its DEVICE_KEY and answers Cognito's DEVICE_SRP_AUTH challenge with the
 * device password; a sign-in whose tokens carry {@code NewDeviceMetadata} (the pool tracks devices) confirms the new
 * device (ConfirmDevice with a fresh verifier) and gives the browser an opaque handle cookie for it.
 *
 * <p>What an attacker gets: a handle is worth nothing without the user's password (Cognito asks for the device only
 * after it); a handle of another user is not sent with this user's sign-in (the device's user name must match the
 * name typed), and a device whose owner ({@code iss} + {@code sub}) is not the caller is never used or changed.
 */
@ApplicationScoped
public class DeviceTracking {

    private static final Logger LOG = Logger.getLogger(DeviceTracking.class.getName());
    private static final int MAX_DEVICE_NAME = 200;
    /** Cognito's answer to a DEVICE_KEY it does not know (forgotten, or of another user). */
    private static final String UNKNOWN_DEVICE = "ResourceNotFoundException";

    @Inject
    UserPoolClient userPool;

    @Inject
    SharedState shared;

    @Inject
    SessionSealer sealer;

    @Inject
    CognitoConfig config;

    @Inject
    @ModuleClock
    Clock clock;

    private volatile DeviceStore store;

    /** For CDI. */
    public DeviceTracking() {
    }

    /** Wired by hand (tests): in {@code shared}'s grid when it has one, else per node. */
    public DeviceTracking(UserPoolClient userPool, SharedState shared, SessionSealer sealer, CognitoConfig config,
                          Clock clock) {
        this.userPool = userPool;
        this.shared = shared;
        this.sealer = sealer;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A sign-in, with this browser's remembered device of the user typed as {@code typedName} when there is one.
     *
     * @param initiate InitiateAuth (and the PASSWORD_VERIFIER step of SRP) given the DEVICE_KEY to send, or null
     * @return Cognito's answer after the device's challenge, if it asked for one
     */
    public SignInAnswer signIn(HttpServletRequest request, String typedName, Map<String, String> clientMetadata,
                               Function<String, SignInAnswer> initiate) {
        Optional<String> handle = DeviceCookie.handle(request);
        Optional<RememberedDevice> device = handle.flatMap(h -> store().get(h)).filter(d -> d.isFor(typedName));
        if (device.isEmpty()) {
            return initiate.apply(null);
        }
        RememberedDevice remembered = device.get();
        SignInAnswer answer;
        try {
            answer = initiate.apply(remembered.deviceKey());
        } catch (CognitoAuthException e) {
            if (!UNKNOWN_DEVICE.equals(e.cognitoErrorCode())) {
                throw e; // a wrong password stays a wrong password: no second try
            }
            return forgetAndRetry(handle.get(), remembered, typedName, e, initiate);
        }
        if (!"DEVICE_SRP_AUTH".equals(answer.challengeName())) {
            return answer;
        }
        try {
            SignInAnswer signedIn = userPool.deviceSrpAuth(answer, remembered.deviceKey(),
                    remembered.deviceGroupKey(), remembered.password(), clientMetadata, clock);
            store().put(handle.get(), remembered); // a device in use is kept another lifetime
            return signedIn;
        } catch (CognitoAuthException e) {
            if (e.error() == AuthError.SERVICE_UNAVAILABLE || e.error() == AuthError.TOO_MANY_REQUESTS) {
                throw e;
            }
            // The password was right (Cognito asks for the device only after it): a stale device must not lock the
            // user out.
            return forgetAndRetry(handle.get(), remembered, typedName, e, initiate);
        }
    }

    /** Forgets a device Cognito refused, and signs in again as a new device. */
    private SignInAnswer forgetAndRetry(String handle, RememberedDevice remembered, String typedName,
                                        CognitoAuthException refusal, Function<String, SignInAnswer> initiate) {
        LogMessage.DEVICE_PROOF_REFUSED.log(LOG, "The remembered device {0} of {1} was refused ({2}); it is "
                + "forgotten and the sign-in goes on as a new device", remembered.deviceKey(), typedName,
                refusal.cognitoErrorCode() != null ? refusal.cognitoErrorCode() : refusal.error());
        store().remove(handle);
        return initiate.apply(null);
    }

    /**
     * After a sign-in that gave {@code tokens}: confirms the new device Cognito handed out, if any, and gives the
     * browser its handle. A failure here leaves the user signed in, without a remembered device.
     */
    public void signedIn(HttpServletRequest request, AuthenticationResultType tokens, String typedName) {
        NewDeviceMetadataType metadata = tokens.newDeviceMetadata();
        if (metadata == null || metadata.deviceKey() == null || metadata.deviceGroupKey() == null) {
            return;
        }
        if (!DeviceCookie.writable(request)) { // checked first: a device Cognito keeps and nobody can use is no use
            LogMessage.DEVICE_NOT_REMEMBERED.log(LOG, "The new device {0} of {1} is not remembered: the response of "
                    + "the sign-in was not at hand to set its cookie", metadata.deviceKey(), typedName);
            return;
        }
        JsonObject claims = Jwt.decode(tokens.accessToken());
        String owner = RememberedDevice.ownerOf(claims.getString("iss", ""), claims.getString("sub", ""));
        DeviceSecret secret = userPool.newDeviceSecret(metadata.deviceGroupKey(), metadata.deviceKey());
        try {
            userPool.confirmDevice(tokens.accessToken(), metadata.deviceKey(), secret, deviceName(request));
        } catch (CognitoAuthException e) {
            LogMessage.DEVICE_NOT_REMEMBERED.log(LOG, "The new device {0} of {1} is not remembered: ConfirmDevice "
                    + "failed ({2})", metadata.deviceKey(), typedName,
                    e.cognitoErrorCode() != null ? e.cognitoErrorCode() : e.error());
            return;
        }
        String handle = DeviceCookie.newHandle();
        if (!DeviceCookie.set(request, handle, config.sessionCookieSameSite())) {
            LogMessage.DEVICE_NOT_REMEMBERED.log(LOG, "The new device {0} of {1} is not remembered: the response of "
                    + "the sign-in was committed before its cookie could be set", metadata.deviceKey(), typedName);
            return;
        }
        DeviceCookie.handle(request).ifPresent(previous -> store().remove(previous));
        store().put(handle, new RememberedDevice(owner, claims.getString("username", typedName), typedName,
                metadata.deviceKey(), metadata.deviceGroupKey(), secret.password()));
    }

    /** This browser's remembered device, if it is the device of the user whose access token is {@code accessToken}. */
    public Optional<RememberedDevice> current(HttpServletRequest request, String accessToken) {
        JsonObject claims = Jwt.decode(accessToken);
        String owner = RememberedDevice.ownerOf(claims.getString("iss", ""), claims.getString("sub", ""));
        return DeviceCookie.handle(request).flatMap(h -> store().get(h)).filter(d -> d.owner().equals(owner));
    }

    /** Drops this browser's remembered device (its keys on the server and its cookie) if it is {@code device}. */
    public void drop(HttpServletRequest request, RememberedDevice device) {
        Optional<String> handle = DeviceCookie.handle(request);
        if (handle.isPresent() && store().get(handle.get()).filter(device::equals).isPresent()) {
            store().remove(handle.get());
            DeviceCookie.clear(request, config.sessionCookieSameSite());
        }
    }

    /** The browser's User-Agent, printable and bounded, as Amplify names a device by {@code navigator.userAgent}. */
    static String deviceName(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String printable = agent == null ? "" : agent.replaceAll("[^\\x20-\\x7E]", "").trim();
        if (printable.isEmpty()) {
            return "Cognito EE";
        }
        return printable.length() > MAX_DEVICE_NAME ? printable.substring(0, MAX_DEVICE_NAME) : printable;
    }

    private DeviceStore store() {
        DeviceStore current = store;
        if (current == null) {
            synchronized (this) {
                if (store == null) {
                    store = new DeviceStore(shared.grid().map(grid -> grid.map(GridKeys.cacheName("devices",
                            config.userPoolId(), config.signInClientId()), DeviceStore.LIFETIME)).orElse(null),
                            sealer, DeviceStore.MAX_LOCAL);
                }
                current = store;
            }
        }
        return current;
    }
}
