package dev.cognitoee.cloudformation;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What CloudFormation would refuse in a template before creating anything, as far as a reading can tell: unknown
 * sections, resource types, properties (at every level the specification describes), resource attributes and
 * {@code GetAtt} attributes; missing required properties; {@code Ref}, {@code GetAtt} and {@code Sub} names that the
 * template does not declare; parameter defaults their own rules refuse. {@link #problems()} lists them all.
 */
final class TemplateCheck {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy", "UpdatePolicy");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
            "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** {@code ${Name}} or {@code ${Resource.Attribute}} in a Sub string; {@code ${!Literal}} is not a reference. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> template;
    private final ResourceSpecification spec;
    private final Map<String, Object> parameters;
    private final Map<String, Object> resources;
    private final List<String> problems = new ArrayList<>();

    private TemplateCheck(Map<String, Object> template, ResourceSpecification spec) {
        this.template = template;
        this.spec = spec;
        this.parameters = section("Parameters");
        this.resources = section("Resources");
    }

    /** Every problem of {@code template} against {@code spec}, each naming where it is; empty when there is none. */
    static List<String> problems(Map<String, Object> template, ResourceSpecification spec) {
        TemplateCheck check = new TemplateCheck(template, spec);
        check.run();
        return check.problems;
    }

    private void run() {
        for (String section : template.keySet()) {
            if (!SECTIONS.contains(section)) {
                problems.add("unknown section " + section);
            }
        }
        if (!"2010-09-09".equals(template.get("AWSTemplateFormatVersion"))) {
            problems.add("AWSTemplateFormatVersion is not 2010-09-09");
        }
        parameters.forEach((name, parameter) -> checkParameter(name, map(parameter)));
        resources.forEach((name, resource) -> checkResource(name, map(resource)));
        walkReferences("Resources", resources, Map.of());
        walkReferences("Outputs", section("Outputs"), Map.of());
        section("Outputs").forEach((name, output) -> {
            if (!map(output).containsKey("Value")) {
                problems.add("Outputs." + name + " has no Value");
            }
        });
    }

    private void checkParameter(String name, Map<String, Object> parameter) {
        Object value = parameter.get("Default");
        if (value == null) {
            return;
        }
        String text = String.valueOf(value);
        if (parameter.get("AllowedValues") instanceof List<?> allowed && !allowed.contains(text)) {
            problems.add("Parameters." + name + ": Default " + text + " is not one of its AllowedValues");
        }
        if (parameter.get("AllowedPattern") instanceof String pattern && !text.matches(pattern)) {
            problems.add("Parameters." + name + ": Default " + text + " does not match its AllowedPattern");
        }
    }

    private void checkResource(String name, Map<String, Object> resource) {
        String where = "Resources." + name;
        for (String key : resource.keySet()) {
            if (!RESOURCE_KEYS.contains(key)) {
                problems.add(where + ": unknown resource attribute " + key);
            }
        }
        String type = String.valueOf(resource.get("Type"));
        spec.resourceType(type).ifPresentOrElse(
                definition -> checkProperties(where + ".Properties", type, definition,
                        map(resource.getOrDefault("Properties", Map.of()))),
                () -> problems.add(where + ": unknown resource type " + type));
    }

    /** Checks {@code values} against {@code definition}'s Properties: names, required ones, and nested types. */
    private void checkProperties(String where, String resourceType, JsonObject definition, Map<String, Object> values) {
        JsonObject properties = definition.getJsonObject("Properties");
        for (Map.Entry<String, Object> value : values.entrySet()) {
            JsonObject property = properties.getJsonObject(value.getKey());
            if (property == null) {
                problems.add(where + ": unknown property " + value.getKey());
            } else {
                checkValue(where + "." + value.getKey(), resourceType, property, value.getValue());
            }
        }
        properties.forEach((name, property) -> {
            if (property.asJsonObject().getBoolean("Required", false) && !values.containsKey(name)) {
                problems.add(where + ": required property " + name + " is missing");
            }
        });
    }

    /** A literal object or list of a type the specification describes is checked in turn; functions are not. */
    private void checkValue(String where, String resourceType, JsonObject property, Object value) {
        if (isFunction(value)) {
            return;
        }
        String type = property.getString("Type", null);
        if (type == null || property.containsKey("PrimitiveType")) {
            return; // a primitive, or Json (a policy document): nothing the specification names inside
        }
        if (type.equals("List") || type.equals("Map")) {
            String itemType = property.getString("ItemType", null);
            if (itemType == null) {
                return; // a list or map of primitives
            }
            if (type.equals("List") && value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    checkObject(where + "[" + i + "]", resourceType, itemType, items.get(i));
                }
            } else if (type.equals("Map") && value instanceof Map<?, ?> entries) {
                entries.forEach((key, item) -> checkObject(where + "." + key, resourceType, itemType, item));
            } else {
                problems.add(where + ": a " + type + " was expected");
            }
            return;
        }
        checkObject(where, resourceType, type, value);
    }

    private void checkObject(String where, String resourceType, String propertyType, Object value) {
        if (isFunction(value)) {
            return;
        }
        if (!(value instanceof Map<?, ?>)) {
            problems.add(where + ": an object of type " + propertyType + " was expected");
            return;
        }
        spec.propertyType(resourceType, propertyType).ifPresentOrElse(
                definition -> checkProperties(where, resourceType, definition, map(value)),
                () -> problems.add(where + ": the specification extract lacks " + resourceType + "." + propertyType));
    }

    /** Every Ref, GetAtt and Sub under {@code node}; {@code subVariables} are a Sub's own names in scope. */
    private void walkReferences(String where, Object node, Map<String, Object> subVariables) {
        if (node instanceof Map<?, ?> object) {
            if (object.size() == 1 && object.containsKey("Ref")) {
                checkRef(where, String.valueOf(object.get("Ref")), subVariables);
            } else if (object.size() == 1 && object.containsKey("Fn::GetAtt")) {
                checkGetAtt(where, object.get("Fn::GetAtt"));
            } else if (object.size() == 1 && object.containsKey("Fn::Sub")) {
                checkSub(where, object.get("Fn::Sub"));
                return;
            }
            object.forEach((key, value) -> walkReferences(where + "." + key, value, subVariables));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walkReferences(where + "[" + i + "]", list.get(i), subVariables);
            }
        }
    }

    private void checkRef(String where, String name, Map<String, Object> subVariables) {
        if (!parameters.containsKey(name) && !resources.containsKey(name) && !PSEUDO_PARAMETERS.contains(name)
                && !subVariables.containsKey(name)) {
            problems.add(where + ": Ref to " + name + ", which is no parameter, resource or pseudo parameter");
        }
    }

    private void checkGetAtt(String where, Object argument) {
        if (!(argument instanceof List<?> parts) || parts.size() != 2) {
            problems.add(where + ": GetAtt needs a resource and an attribute, got " + argument);
            return;
        }
        String resource = String.valueOf(parts.get(0));
        String attribute = String.valueOf(parts.get(1));
        if (!(resources.get(resource) instanceof Map<?, ?> declared)) {
            problems.add(where + ": GetAtt of " + resource + ", which is no resource");
            return;
        }
        spec.resourceType(String.valueOf(declared.get("Type"))).ifPresent(definition -> {
            JsonObject attributes = definition.getJsonObject("Attributes");
            if (attributes == null || !attributes.containsKey(attribute)) {
                problems.add(where + ": " + declared.get("Type") + " has no attribute " + attribute + " (GetAtt "
                        + resource + "." + attribute + ")");
            }
        });
    }

    private void checkSub(String where, Object argument) {
        String text;
        Map<String, Object> variables = new LinkedHashMap<>();
        if (argument instanceof List<?> parts && parts.size() == 2) {
            text = String.valueOf(parts.get(0));
            variables.putAll(map(parts.get(1)));
            walkReferences(where, parts.get(1), Map.of());
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            int dot = name.indexOf('.');
            if (dot > 0 && !variables.containsKey(name)) {
                checkGetAtt(where, List.of(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                checkRef(where, name, variables);
            }
        }
    }

    private static boolean isFunction(Object value) {
        return value instanceof Map<?, ?> object && object.size() == 1
                && object.keySet().stream().allMatch(key -> key.equals("Ref") || String.valueOf(key).startsWith("Fn::"));
    }

    private Map<String, Object> section(String name) {
        return map(template.getOrDefault(name, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
