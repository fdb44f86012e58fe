package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.custom.CustomCredentials;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 application whose own {@code CredentialsAndIdentityIdProvider} bean replaces the identity pool (no guests).
 */
@ExtendWith(SharedPayara.class)
class CustomCredentialsIT {

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(custom()).url("custom");
    }

    static WebArchive custom() {
        Map<String, String> settings = AwsStandIns.applicationSettings();
        settings.put("cognito.allow-guest-access", "false");
        settings.put("test.custom-access-key", AwsStandIns.CUSTOM_ACCESS_KEY);
        settings.put("test.custom-secret", AwsStandIns.CUSTOM_SECRET);
        return TestWars.withApplicationAwsSdk(TestWars.war("custom", settings, AwsSecurityConfig.class.getPackage())
                .addClass(CustomCredentials.class));
    }

    @Test
    void anApplicationsOwnProviderReplacesTheIdentityPool() {
        TestWars.assertDeployed(base, "custom");
        String user = "custom-" + System.nanoTime();
        CognitoFixture.shared().createUser(user, "user");
        Browser browser = new Browser(base);
        assertThat(browser.postJson("api/sign-in", Json.createObjectBuilder().add("username", user)
                .add("password", CognitoFixture.PASSWORD).build()).statusCode()).isEqualTo(200);
        int before = AwsStandIns.s3().requests(AwsStandIns.CUSTOM_ACCESS_KEY);

        HttpResponse<String> stored = browser.putText("api/files/" + user + "/custom.txt", "via my provider");

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(AwsStandIns.s3().requests(AwsStandIns.CUSTOM_ACCESS_KEY)).isEqualTo(before + 1);
        JsonObject session = Http.json(browser.get("api/session"));
        assertThat(session.getString("identityId")).startsWith("custom:user:");
        assertThat(session.getString("accessKeyId")).isEqualTo(AwsStandIns.CUSTOM_ACCESS_KEY);

        // No caller, no guests: the custom provider is not even asked.
        HttpResponse<String> anonymous = new Browser(base).putText("api/files/anonymous.txt", "x");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
