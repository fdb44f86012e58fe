package dev.cognitoee.it.realaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealAwsSettingsTest {

    private static Map<String, String> complete() {
        Map<String, String> environment = new HashMap<>();
        environment.put(RealAwsSettings.REGION, "eu-west-1");
        environment.put(RealAwsSettings.USER_POOL_ID, "eu-west-1_AbC123");
        environment.put(RealAwsSettings.CLIENT_ID, "4f1example");
        environment.put(RealAwsSettings.IDENTITY_POOL_ID, "eu-west-1:1234abcd-0000-0000-0000-000000000000");
        environment.put(RealAwsSettings.BUCKET, "cognito-ee-bucket-1");
        environment.put("AWS_PROFILE", "test-account");
        return environment;
    }

    @Test
    void anEmptyEnvironmentLacksEveryVariableAndCredentials() {
        assertThat(RealAwsSettings.missing(Map.of())).containsExactly(RealAwsSettings.REGION,
                RealAwsSettings.USER_POOL_ID, RealAwsSettings.CLIENT_ID, RealAwsSettings.IDENTITY_POOL_ID,
                RealAwsSettings.BUCKET, "AWS_PROFILE or AWS_ACCESS_KEY_ID");
    }

    @Test
    void onlyTheAbsentOrBlankOnesAreNamed() {
        Map<String, String> environment = complete();
        environment.remove(RealAwsSettings.BUCKET);
        environment.put(RealAwsSettings.CLIENT_ID, "  ");

        assertThat(RealAwsSettings.missing(environment))
                .containsExactly(RealAwsSettings.CLIENT_ID, RealAwsSettings.BUCKET);
    }

    @Test
    void accessKeysServeAsCredentialsAsWellAsAProfile() {
        Map<String, String> environment = complete();
        environment.remove("AWS_PROFILE");
        assertThat(RealAwsSettings.missing(environment)).containsExactly("AWS_PROFILE or AWS_ACCESS_KEY_ID");

        environment.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        assertThat(RealAwsSettings.missing(environment)).isEmpty();
    }

    @Test
    void theSkipReasonNamesTheVariablesAndWhereTheyComeFrom() {
        String reason = RealAwsSettings.skipReason(RealAwsSettings.missing(Map.of()));

        assertThat(reason).contains("COGNITOEE_IT_AWS_REGION, COGNITOEE_IT_AWS_USER_POOL_ID")
                .contains("server-config/aws/cognito-ee.yaml").contains("RealAwsSuiteEnvironment");
    }

    @Test
    void aCompleteEnvironmentGivesTheModuleItsKeys() {
        RealAwsSettings settings = RealAwsSettings.from(complete());

        assertThat(settings.applicationSettings()).containsExactly(
                Map.entry("cognito.region", "eu-west-1"),
                Map.entry("cognito.user-pool-id", "eu-west-1_AbC123"),
                Map.entry("cognito.client-id", "4f1example"),
                Map.entry("cognito.identity-pool-id", "eu-west-1:1234abcd-0000-0000-0000-000000000000"),
                Map.entry("realaws.s3-bucket", "cognito-ee-bucket-1"));
    }

    @Test
    void aValueOfAnotherRegionOrOutputFailsNamingTheVariable() {
        Map<String, String> otherRegion = complete();
        otherRegion.put(RealAwsSettings.USER_POOL_ID, "us-east-1_AbC123");
        assertThatThrownBy(() -> RealAwsSettings.from(otherRegion))
                .hasMessage("COGNITOEE_IT_AWS_USER_POOL_ID is not a user pool id of eu-west-1");

        Map<String, String> swapped = complete();
        swapped.put(RealAwsSettings.IDENTITY_POOL_ID, "eu-west-1_AbC123");
        assertThatThrownBy(() -> RealAwsSettings.from(swapped))
                .hasMessage("COGNITOEE_IT_AWS_IDENTITY_POOL_ID is not an identity pool id of eu-west-1");

        Map<String, String> noRegion = complete();
        noRegion.put(RealAwsSettings.REGION, "Ireland");
        assertThatThrownBy(() -> RealAwsSettings.from(noRegion))
                .hasMessage("COGNITOEE_IT_AWS_REGION is not an AWS region such as eu-west-1");
    }

    @Test
    void anIncompleteEnvironmentIsNoSettings() {
        assertThatThrownBy(() -> RealAwsSettings.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set: COGNITOEE_IT_AWS_REGION");
    }
}
