package dev.cognitoee.internal.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/**
 * The module's JSON readers and builders, from factories made once. {@code Json.createReader} and
 * {@code Json.createObjectBuilder} look the JSON provider up (a {@code ServiceLoader} scan of the class path) on
 * every call: a JFR profile of the sign-in path showed that scan on every response, and an error answer to a
 * bearer request would pay it too, which an attacker spraying tokens could make the server do at will.
 */
public final class JsonFactories {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonFactories() {
    }

    /** A reader of {@code json}; the caller closes it. */
    public static JsonReader reader(String json) {
        return READERS.createReader(new StringReader(json));
    }

    /** A reader of {@code json}; the caller closes it. */
    public static JsonReader reader(Reader json) {
        return READERS.createReader(json);
    }

    /** A reader of {@code json}, UTF-8 or as its bytes say (RFC 8259); the caller closes it. */
    public static JsonReader reader(InputStream json) {
        return READERS.createReader(json);
    }

    /** An empty object builder. */
    public static JsonObjectBuilder objectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    /** An array builder holding {@code values} (strings, numbers, booleans, JSON values). */
    public static JsonArrayBuilder arrayBuilder(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    /** A parser of {@code json}, for a caller that must know where the value ends; the caller closes it. */
    public static JsonParser parser(String json) {
        return PARSERS.createParser(new StringReader(json));
    }
}
