package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings that name another region than the pool's are found at deployment, each naming its key. */
class RegionCheckTest {

    private static CognitoConfig config(String... overrides) throws InvalidConfigurationException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "cognito.user-pool-id", "eu-west-1_AbC123", "cognito.client-id", "client"));
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void settingsInThePoolsRegionAgree() throws Exception {
        assertThat(RegionCheck.mismatches(config())).isEmpty();
        assertThat(RegionCheck.mismatches(config("cognito.identity-pool-id",
                "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.endpoint", "https://cognito-idp.eu-west-1.amazonaws.com"))).isEmpty();
    }

    @Test
    void anIdentityPoolInAnotherRegionIsCalledInThePoolsRegion() throws Exception {
        assertThat(RegionCheck.mismatches(config("cognito.identity-pool-id",
                "us-east-1:0f0f0f0f-0000-4000-8000-000000000001"))).singleElement().asString()
                .startsWith("cognito.identity-pool-id us-east-1:0f0f0f0f-0000-4000-8000-000000000001 is in us-east-1,"
                        + " but the module calls Cognito Identity in eu-west-1 (cognito.region)")
                .endsWith("set cognito.identity-endpoint to https://cognito-identity.us-east-1.amazonaws.com");
    }

    @Test
    void anIdentityEndpointInTheIdentityPoolsRegionIsRight() throws Exception {
        assertThat(RegionCheck.mismatches(config(
                "cognito.identity-pool-id", "us-east-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.identity-endpoint", "https://cognito-identity.us-east-1.amazonaws.com"))).isEmpty();
        assertThat(RegionCheck.mismatches(config(
                "cognito.identity-pool-id", "us-east-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.identity-endpoint", "https://cognito-identity.us-west-2.amazonaws.com")))
                .singleElement().asString().contains("calls Cognito Identity in us-west-2 (cognito.identity-endpoint)");
    }

    @Test
    void endpointsIssuersAndKeysOfAnotherRegionAreNamed() throws Exception {
        assertThat(RegionCheck.mismatches(config(
                "cognito.endpoint", "https://vpce-0a1b-x.cognito-idp.us-east-1.vpce.amazonaws.com",
                "cognito.issuer", "https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123",
                "cognito.jwks-uri", "https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json")))
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).startsWith("cognito.endpoint https://vpce-0a1b-x.cognito-idp.us-east-1"))
                .anySatisfy(m -> assertThat(m).startsWith("cognito.issuer "))
                .anySatisfy(m -> assertThat(m).startsWith("cognito.jwks-uri "));
    }

    @Test
    void anEmulatorsHostsAndIdsNameNoRegion() throws Exception {
        assertThat(RegionCheck.mismatches(config(
                "cognito.user-pool-id", "local_5hT2", "cognito.region", "us-east-1",
                "cognito.endpoint", "http://127.0.0.1:9229",
                "cognito.issuer", "http://localhost:9229/local_5hT2",
                "cognito.identity-pool-id", "eu-west-1:0f0f0f0f-0000-4000-8000-000000000001",
                "cognito.identity-endpoint", "http://127.0.0.1:9230"))).isEmpty();
    }
}
