package dev.cognitoee.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.it.realaws.RealAwsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code server-config/aws/cognito-ee.yaml}, which cannot be deployed from here (no AWS account), read as
 * CloudFormation reads it and checked against the CloudFormation resource specification (an extract of
 * {@code @aws-cdk/cfnspec}, see {@link ResourceSpecification}); and its Outputs against what the demo and the real-AWS
 * suite read.
 */
class CloudFormationTemplateTest {

    private static final Path TEMPLATE = Path.of("server-config/aws/cognito-ee.yaml");
    private static final ResourceSpecification SPEC = ResourceSpecification.load();

    private static Map<String, Object> template() {
        return CloudFormationYaml.read(TEMPLATE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String name) {
        return (Map<String, Object>) template.get(name);
    }

    @Test
    void theTemplateHasNoProblemCloudFormationWouldReport() {
        assertThat(TemplateCheck.problems(template(), SPEC)).isEmpty();
    }

    @Test
    void itMakesWhatTheDemoAndTheSuiteNeed() {
        Map<String, Object> resources = section(template(), "Resources");
        Map<String, Long> types = resources.values().stream()
                .map(resource -> String.valueOf(((Map<?, ?>) resource).get("Type")))
                .collect(Collectors.groupingBy(type -> type, Collectors.counting()));

        assertThat(types).containsEntry("AWS::Cognito::UserPool", 1L)
                .containsEntry("AWS::Cognito::UserPoolGroup", 2L)
                .containsEntry("AWS::Cognito::UserPoolClient", 3L)
                .containsEntry("AWS::Cognito::UserPoolDomain", 1L)
                .containsEntry("AWS::Cognito::IdentityPool", 1L)
                .containsEntry("AWS::Cognito::IdentityPoolRoleAttachment", 1L)
                .containsEntry("AWS::IAM::Role", 2L)
                .containsEntry("AWS::S3::Bucket", 1L);
        assertThat(SPEC.resourceTypes()).as("the extract holds exactly the template's types")
                .containsExactlyInAnyOrderElementsOf(types.keySet());
    }

    @Test
    void theAppClientsEachAllowTheirFlowAndNoSecretNobodyConfigured() {
        Map<String, Object> resources = section(template(), "Resources");

        assertThat(flows(resources, "PasswordClient")).containsExactly("ALLOW_USER_PASSWORD_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(flows(resources, "SrpClient")).containsExactly("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        Map<?, ?> hostedUi = properties(resources, "HostedUiClient");
        assertThat(hostedUi.get("AllowedOAuthFlows")).isEqualTo(List.of("code"));
        assertThat(String.valueOf(hostedUi.get("AllowedOAuthScopes"))).contains("openid");
        assertThat(String.valueOf(hostedUi.get("CallbackURLs"))).contains("${DemoBaseUrl}oauth2/callback");
        for (String client : List.of("PasswordClient", "HostedUiClient", "SrpClient")) {
            assertThat(properties(resources, client).get("GenerateSecret")).as(client).isEqualTo(false);
        }
    }

    @Test
    void theSuitesEnvironmentOutputNamesExactlyTheVariablesTheSuiteReads() {
        String value = outputValue("RealAwsSuiteEnvironment");

        assertThat(variableNames(value)).containsExactlyElementsOf(RealAwsSettings.VARIABLES);
    }

    @Test
    void theDemosEnvironmentOutputNamesModuleKeysAndTheDemosBucket() throws IOException {
        Set<String> readmeKeys = new TreeSet<>();
        Matcher key = Pattern.compile("^\\| `(cognito\\.[a-z.-]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("README.md")));
        while (key.find()) {
            readmeKeys.add(environmentName(key.group(1)));
        }

        List<String> names = variableNames(outputValue("DemoEnvironment"));

        assertThat(names).contains("COGNITO_USER_POOL_ID", "COGNITO_CLIENT_ID", "COGNITO_IDENTITY_POOL_ID",
                "COGNITO_HOSTED_UI_DOMAIN", "DEMO_S3_BUCKET");
        for (String name : names) {
            if (!name.equals("DEMO_S3_BUCKET")) { // demo.s3-bucket, the demo's own setting
                assertThat(readmeKeys).as("a module key of the README's table").contains(name);
            }
        }
    }

    @Test
    void aMistakeOfEveryKindIsReported() {
        Map<String, Object> broken = CloudFormationYaml.read("""
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Flag:
                    Type: String
                    Default: maybe
                    AllowedValues: ["true", "false"]
                Resources:
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Propertys: {}
                    Properties:
                      UserPoolNme: typo
                      Policies:
                        PasswordPolicy:
                          MinimumLenght: 8
                  Client:
                    Type: AWS::Cognito::UserPoolClient
                    Properties:
                      ClientName: !Ref Nowhere
                  Bucket:
                    Type: AWS::S3::Buckets
                Outputs:
                  Url:
                    Value: !GetAtt Pool.NoSuchAttribute
                  Text:
                    Value: !Sub "${Missing} ${Pool.ProviderName} ${!Literal} ${AWS::Region}"
                """);

        assertThat(TemplateCheck.problems(broken, SPEC)).containsExactlyInAnyOrder(
                "Parameters.Flag: Default maybe is not one of its AllowedValues",
                "Resources.Pool: unknown resource attribute Propertys",
                "Resources.Pool.Properties: unknown property UserPoolNme",
                "Resources.Pool.Properties.Policies.PasswordPolicy: unknown property MinimumLenght",
                "Resources.Client.Properties: required property UserPoolId is missing",
                "Resources.Bucket: unknown resource type AWS::S3::Buckets",
                "Resources.Client.Properties.ClientName: Ref to Nowhere, which is no parameter, resource or pseudo parameter",
                "Outputs.Url.Value: AWS::Cognito::UserPool has no attribute NoSuchAttribute (GetAtt Pool.NoSuchAttribute)",
                "Outputs.Text.Value: Ref to Missing, which is no parameter, resource or pseudo parameter");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsCloudFormationRefusesIt() {
        assertThatThrownBy(() -> CloudFormationYaml.read("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .hasMessageContaining("found duplicate key A");
    }

    @Test
    void theExtractSaysWhereItComesFrom() {
        assertThat(SPEC.source()).contains("@aws-cdk/cfnspec").contains("specification.json");
    }

    private static List<String> flows(Map<String, Object> resources, String client) {
        return ((List<?>) properties(resources, client).get("ExplicitAuthFlows")).stream().map(String::valueOf).toList();
    }

    private static Map<?, ?> properties(Map<String, Object> resources, String name) {
        return (Map<?, ?>) ((Map<?, ?>) resources.get(name)).get("Properties");
    }

    private static String outputValue(String output) {
        Map<?, ?> value = (Map<?, ?>) ((Map<?, ?>) section(template(), "Outputs").get(output)).get("Value");
        return String.valueOf(value.get("Fn::Sub"));
    }

    /** The NAME of each NAME=value in a line of environment assignments. */
    private static List<String> variableNames(String assignments) {
        List<String> names = new ArrayList<>();
        for (String assignment : assignments.split(" ")) {
            names.add(assignment.substring(0, assignment.indexOf('=')));
        }
        return names;
    }

    /** MicroProfile Config's environment variable for a key: non-alphanumerics to {@code _}, upper case. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
