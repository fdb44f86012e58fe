package dev.cognitoee.cloudformation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation YAML template into plain maps and lists, with its short-form intrinsic functions
 * ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) turned into their long JSON form ({@code {"Ref": "X"}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code {"Fn::Sub": ...}}), as CloudFormation itself reads them.
 */
final class CloudFormationYaml {

    /** The short-form tags CloudFormation knows, without the {@code Fn::} prefix ({@code Ref} has none). */
    private static final List<String> FUNCTIONS = List.of("Ref", "GetAtt", "Sub", "Join", "Split", "Select", "If",
            "Equals", "And", "Or", "Not", "Condition", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr",
            "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String template) {
        return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(template);
    }

    /** SnakeYAML's safe constructor (no arbitrary classes), plus one construct per intrinsic function's tag. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(options());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(function));
            }
        }

        /** CloudFormation refuses a key given twice; SnakeYAML would keep the last one silently. */
        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return options;
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String function;

            Intrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                    if (function.equals("GetAtt")) {
                        // !GetAtt Resource.Attribute: the resource's logical id has no dot, the attribute may
                        String text = (String) argument;
                        int dot = text.indexOf('.');
                        argument = dot < 0 ? List.of(text) : List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return Map.of(function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function,
                        argument);
            }
        }
    }
}
