package dev.cognitoee.internal.userpool;

import dev.cognitoee.internal.json.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * Carries JSON between Jakarta JSON and the SDK's {@link Document} (the type of Cognito's free-form fields, such as
 * the WebAuthn options and credentials), value for value: both sides are already-parsed trees, nothing is parsed
 * here. Numbers keep their exact decimal value.
 */
public final class JsonDocuments {

    private static final JsonProvider JSON = JsonProvider.provider(); // looked up once (see JsonFactories)

    private JsonDocuments() {
    }

    /** {@code value} as a document. */
    public static Document toDocument(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Document> members = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> members.put(name, toDocument(member)));
                yield Document.fromMap(members);
            }
            case ARRAY -> Document.fromList(value.asJsonArray().stream().map(JsonDocuments::toDocument).toList());
            case STRING -> Document.fromString(((JsonString) value).getString());
            case NUMBER -> Document.fromNumber(SdkNumber.fromBigDecimal(((JsonNumber) value).bigDecimalValue()));
            case TRUE -> Document.fromBoolean(true);
            case FALSE -> Document.fromBoolean(false);
            case NULL -> Document.fromNull();
        };
    }

    /** {@code document}, which must be a map, as a JSON object. */
    public static JsonObject toJsonObject(Document document) {
        if (document == null || !document.isMap()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return toJson(document).asJsonObject();
    }

    private static JsonValue toJson(Document document) {
        if (document.isMap()) {
            JsonObjectBuilder object = JsonFactories.objectBuilder();
            document.asMap().forEach((name, member) -> object.add(name, toJson(member)));
            return object.build();
        }
        if (document.isList()) {
            return array(document.asList());
        }
        if (document.isString()) {
            return JSON.createValue(document.asString());
        }
        if (document.isNumber()) {
            return JSON.createValue(document.asNumber().bigDecimalValue());
        }
        if (document.isBoolean()) {
            return document.asBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JsonValue.NULL;
    }

    private static JsonArray array(List<Document> items) {
        JsonArrayBuilder array = JsonFactories.arrayBuilder(List.of());
        items.forEach(item -> array.add(toJson(item)));
        return array.build();
    }
}
