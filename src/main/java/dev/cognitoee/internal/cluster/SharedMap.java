package dev.cognitoee.internal.cluster;

import java.time.Duration;

/**
 * One named cache of the cluster (a JCache cache of Payara's data grid), holding strings only: the grid never has
 * to load a class of the application to read an entry back. Every entry lapses after the map's time to live at the
 * latest; those who read an entry still judge its age from what it says (an expiry in the value), so the map's
 * expiry only bounds memory. Every call may throw {@link GridUnavailableException}.
 */
public interface SharedMap {

    /** The value of {@code key}, or null. */
    String get(String key);

    /** Sets {@code key} to {@code value}. */
    void put(String key, String value);

    /**
     * Sets {@code key} to {@code value}, to lapse after {@code ttl} when the grid supports a time to live per entry
     * (Payara's Hazelcast does), else after the map's own.
     */
    void put(String key, String value, Duration ttl);

    /** Sets {@code key} to {@code value} unless it has a value; true when it was set. */
    boolean putIfAbsent(String key, String value);

    /** Sets {@code key} to {@code value} if its value is {@code expected}; true when it was set. */
    boolean replace(String key, String expected, String value);

    /** Removes {@code key} if its value is {@code expected}; true when it was removed. */
    boolean remove(String key, String expected);

    /** Removes {@code key}, whatever its value. */
    void remove(String key);
}
