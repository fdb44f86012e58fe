package dev.cognitoee.cloudformation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the CloudFormation resource specification that the template uses, from the test resource
 * {@code cloudformation/resource-specification.json} (its {@code Source} says which package and version it was
 * extracted from, and how): resource types with their properties and attributes, and the property types they use.
 */
final class ResourceSpecification {

    private final JsonObject resourceTypes;
    private final JsonObject propertyTypes;
    private final String source;

    private ResourceSpecification(JsonObject spec) {
        this.resourceTypes = spec.getJsonObject("ResourceTypes");
        this.propertyTypes = spec.getJsonObject("PropertyTypes");
        this.source = spec.getString("Source");
    }

    static ResourceSpecification load() {
        InputStream in = ResourceSpecification.class.getResourceAsStream("/cloudformation/resource-specification.json");
        if (in == null) {
            throw new IllegalStateException("cloudformation/resource-specification.json is not on the test class path");
        }
        try (JsonReader reader = Json.createReader(in)) {
            return new ResourceSpecification(reader.readObject());
        }
    }

    /** Where the extract comes from: the npm package, its version, and the specification's own version. */
    String source() {
        return source;
    }

    Set<String> resourceTypes() {
        return resourceTypes.keySet();
    }

    /** A resource type's entry ({@code Properties}, {@code Attributes}), if the specification has the type. */
    Optional<JsonObject> resourceType(String type) {
        return Optional.ofNullable(resourceTypes.getJsonObject(type));
    }

    /**
     * A property type's entry ({@code Properties}): {@code name} as the specification names it, qualified by the
     * resource type ({@code AWS::Cognito::UserPool.Policies}), or a shared one ({@code Tag}).
     */
    Optional<JsonObject> propertyType(String resourceType, String name) {
        JsonObject qualified = propertyTypes.getJsonObject(resourceType + "." + name);
        return Optional.ofNullable(qualified != null ? qualified : propertyTypes.getJsonObject(name));
    }
}
