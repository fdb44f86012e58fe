package dev.cognitoee.internal.config;

import java.util.function.BiConsumer;

/**
 * Reads and checks the value of one setting. A malformed value is not an exception: the parser reports each
 * malformed part, so that the reader can name every bad key of a deployment at once.
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
interface Parser<T> {

    /**
     * The value that {@code raw} stands for.
     *
     * @param raw the value as configured, trimmed and not empty
     * @param bad told about each malformed part: the part as written, and why it is refused, worded to follow it
     *            (e.g. {@code must be true or false})
     * @return the value, or null when {@code bad} was told something
     */
    T parse(String raw, BiConsumer<String, String> bad);
}
