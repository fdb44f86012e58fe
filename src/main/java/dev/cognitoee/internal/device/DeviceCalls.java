package dev.cognitoee.internal.device;

import dev.cognitoee.AuthDevice;
import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeviceType;

/**
 * Amplify's device calls for the signed-in caller: {@code rememberDevice}, {@code forgetDevice},
 * {@code fetchDevices}. "The current device" is this browser's remembered device, and only when it is the caller's.
 */
@ApplicationScoped
public class DeviceCalls {

    /** The most devices {@code fetchDevices} returns: ten of Cognito's largest pages, a bound on the calls. */
    static final int MAX_DEVICES = 600;

    @Inject
    UserPoolClient userPool;

    @Inject
    DeviceTracking tracking;

    /** UpdateDeviceStatus {@code remembered} for this browser's device. */
    public void rememberDevice(HttpServletRequest request, String accessToken) {
        RememberedDevice device = currentDevice(request, accessToken);
        noSuchDevice(() -> {
            userPool.updateDeviceStatus(accessToken, device.deviceKey(), true);
            return null;
        });
    }

    /**
     * ForgetDevice for {@code deviceKey}, or for this browser's device when null; the server forgets this browser's
     * device keys too when it is the one forgotten.
     */
    public void forgetDevice(HttpServletRequest request, String accessToken, String deviceKey) {
        if (deviceKey != null && deviceKey.isBlank()) {
            throw new CognitoAuthException(AuthError.INVALID_PARAMETER, "The device key is empty");
        }
        String key = deviceKey != null ? deviceKey : currentDevice(request, accessToken).deviceKey();
        noSuchDevice(() -> {
            userPool.forgetDevice(accessToken, key);
            return null;
        });
        tracking.current(request, accessToken).filter(d -> d.deviceKey().equals(key))
                .ifPresent(d -> tracking.drop(request, d));
    }

    /** ListDevices, as typed devices. */
    public List<AuthDevice> fetchDevices(String accessToken) {
        return userPool.listDevices(accessToken, MAX_DEVICES).stream().map(DeviceCalls::device).toList();
    }

    static AuthDevice device(DeviceType device) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AttributeType attribute : device.deviceAttributes()) {
            if (attribute.name() != null && attribute.value() != null) {
                attributes.putIfAbsent(attribute.name(), attribute.value());
            }
        }
        return new AuthDevice(device.deviceKey(), attributes.get("device_name"), attributes,
                device.deviceCreateDate(), device.deviceLastAuthenticatedDate(), device.deviceLastModifiedDate());
    }

    private RememberedDevice currentDevice(HttpServletRequest request, String accessToken) {
        return tracking.current(request, accessToken).orElseThrow(() -> new CognitoAuthException(
                AuthError.INVALID_PARAMETER, "This browser has no remembered device of the signed-in user"));
    }

    /** Cognito's ResourceNotFoundException (no such device) is the caller's mistake, not a server error. */
    private static <T> T noSuchDevice(Supplier<T> call) {
        try {
            return call.get();
        } catch (CognitoAuthException e) {
            if ("ResourceNotFoundException".equals(e.cognitoErrorCode())) {
                throw new CognitoAuthException(AuthError.INVALID_PARAMETER, e.cognitoErrorCode(),
                        "The user has no such device", e);
            }
            throw e;
        }
    }
}
