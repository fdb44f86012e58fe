package dev.cognitoee.internal.device;

import dev.cognitoee.internal.cluster.GridKeys;
import dev.cognitoee.internal.cluster.GridUnavailableException;
import dev.cognitoee.internal.cluster.SharedMap;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.log.LogMessage;
import dev.cognitoee.internal.seal.Purpose;
import dev.cognitoee.internal.seal.SealBrokenException;
import dev.cognitoee.internal.seal.Sealed;
import dev.cognitoee.internal.seal.SessionSealer;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The remembered devices of every user, by the handle of their browser's cookie. The key is a digest of the handle
 * (a grid dump holds no usable handle); the value is the device as JSON, sealed ({@link Purpose#REMEMBERED_DEVICE}),
 * so that the device password is never in the clear outside the heap.
 *
 * <p>In the cluster's grid when there is one (every node knows every device, entries lapse after
 * {@link #LIFETIME}); else in this node's memory, bounded to {@link #MAX_LOCAL} devices (the least recently used
 * goes first) and forgotten on a restart: the next sign-in of a forgotten device is a new device to Cognito.
 */
final class DeviceStore {

    private static final Logger LOG = Logger.getLogger(DeviceStore.class.getName());

    /** How long a device is kept in the grid after its last sign-in. */
    static final Duration LIFETIME = Duration.ofDays(365);
    /** The most devices one node keeps without a grid. */
    static final int MAX_LOCAL = 10_000;

    private final SharedMap grid; // null: per node
    private final Map<String, String> local;
    private final SessionSealer sealer;

    DeviceStore(SharedMap grid, SessionSealer sealer, int maxLocal) {
        this.grid = grid;
        this.sealer = sealer;
        this.local = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxLocal;
            }
        });
    }

    /** The device behind {@code handle}, if the store has it and can open it. */
    Optional<RememberedDevice> get(String handle) {
        String value;
        try {
            value = grid != null ? grid.get(key(handle)) : local.get(key(handle));
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid failed ({0}); this sign-in is a new device",
                    e.getMessage());
            return Optional.empty();
        }
        return value == null ? Optional.empty() : decode(value);
    }

    /** Keeps {@code device} behind {@code handle}. */
    void put(String handle, RememberedDevice device) {
        String value = sealer.seal(Purpose.REMEMBERED_DEVICE, JsonFactories.objectBuilder()
                .add("owner", device.owner()).add("username", device.username())
                .add("typedName", device.typedName()).add("deviceKey", device.deviceKey())
                .add("deviceGroupKey", device.deviceGroupKey()).add("password", device.password())
                .build().toString()).toText();
        try {
            if (grid != null) {
                grid.put(key(handle), value, LIFETIME);
            } else {
                local.put(key(handle), value);
            }
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid failed ({0}); a new device is not remembered",
                    e.getMessage());
        }
    }

    /** Forgets the device behind {@code handle}. */
    void remove(String handle) {
        try {
            if (grid != null) {
                grid.remove(key(handle));
            } else {
                local.remove(key(handle));
            }
        } catch (GridUnavailableException e) {
            LogMessage.GRID_UNAVAILABLE.log(LOG, "The grid failed ({0}); a forgotten device stays until it lapses",
                    e.getMessage());
        }
    }

    private Optional<RememberedDevice> decode(String value) {
        try (JsonReader reader = JsonFactories.reader(sealer.open(Purpose.REMEMBERED_DEVICE,
                Sealed.fromText(value)))) {
            JsonObject json = reader.readObject();
            RememberedDevice device = new RememberedDevice(json.getString("owner", null),
                    json.getString("username", null), json.getString("typedName", null),
                    json.getString("deviceKey", null), json.getString("deviceGroupKey", null),
                    json.getString("password", null));
            return device.isComplete() ? Optional.of(device) : Optional.empty();
        } catch (SealBrokenException | JsonException | IllegalArgumentException e) {
            return Optional.empty(); // sealed under a retired key, or not ours: a new device, as after a restart
        }
    }

    private static String key(String handle) {
        return GridKeys.digest("remembered-device", handle);
    }
}
