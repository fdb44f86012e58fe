package dev.cognitoee;

import java.time.Instant;
import java.util.Map;

/**
 * A device Cognito tracks for the user (Amplify v6's {@code FetchDevicesOutput} item), from {@code fetchDevices}.
 *
 * @param id                  Cognito's {@code DeviceKey}
 * @param name                the device's name ({@code device_name} attribute, the browser's User-Agent when the
 *                            module confirmed it), or null
 * @param attributes          every attribute Cognito keeps for it ({@code device_name}, {@code device_status},
 *                            {@code last_ip_used}...), as Cognito names them
 * @param createDate          when it was first confirmed, or null
 * @param lastAuthenticatedDate when it last signed in, or null
 * @param lastModifiedDate    when its status last changed, or null
 */
public record AuthDevice(String id, String name, Map<String, String> attributes, Instant createDate,
                         Instant lastAuthenticatedDate, Instant lastModifiedDate) {

    /**
     * A device; {@code attributes} is copied (a device is a value).
     *
     * @param id                    Cognito's {@code DeviceKey}
     * @param name                  the device's name, or null
     * @param attributes            every attribute Cognito keeps for it
     * @param createDate            when it was first confirmed, or null
     * @param lastAuthenticatedDate when it last signed in, or null
     * @param lastModifiedDate      when its status last changed, or null
     */
    public AuthDevice {
        attributes = Map.copyOf(attributes);
    }
}
