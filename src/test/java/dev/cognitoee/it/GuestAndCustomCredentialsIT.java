package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.custom.CustomCredentials;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.LocalS3;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two variants of the S3 application: one that lets guests have identity-pool credentials, one whose own
 * {@code CredentialsAndIdentityIdProvider} bean replaces the identity pool.
 */
@ExtendWith(ArquillianExtension.class)
class GuestAndCustomCredentialsIT {

    private static Map<String, String> settings(boolean guests) {
        FakeCognitoIdentity identity = AwsStandIns.identity();
        identity.allowUnauthenticated(true);
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        settings.put("cognito.identity-pool-id", AwsStandIns.IDENTITY_POOL_ID);
        settings.put("cognito.identity-endpoint", identity.endpoint().toString());
        settings.put("cognito.allow-guest-access", Boolean.toString(guests));
        settings.put("test.s3-endpoint", AwsStandIns.s3().endpoint().toString());
        settings.put("test.s3-bucket", LocalS3.BUCKET);
        settings.put("test.custom-access-key", AwsStandIns.CUSTOM_ACCESS_KEY);
        settings.put("test.custom-secret", AwsStandIns.CUSTOM_SECRET);
        return settings;
    }

    @Deployment(name = "guest", testable = false)
    static WebArchive guest() {
        return TestWars.withApplicationAwsSdk(TestWars.war("guest", settings(true),
                AwsSecurityConfig.class.getPackage()));
    }

    @Deployment(name = "custom", testable = false)
    static WebArchive custom() {
        return TestWars.withApplicationAwsSdk(TestWars.war("custom", settings(false),
                AwsSecurityConfig.class.getPackage()).addClass(CustomCredentials.class));
    }

    @Test
    void guestsGetCredentialsOfTheirOwnKeptForTheirSession(@ArquillianResource @OperateOnDeployment("guest") URL base) {
        TestWars.assertDeployed(base, "guest");
        Browser guest = new Browser(base);

        HttpResponse<String> stored = guest.putText("api/files/guests/hello.txt", "from a guest");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonObject session = Http.json(guest.get("api/session"));
        assertThat(session.getBoolean("isSignedIn")).isFalse();
        String identityId = session.getString("identityId");
        assertThat(AwsStandIns.s3().requests(session.getString("accessKeyId"))).isEqualTo(1);
        assertThat(Http.json(guest.get("api/session")).getString("identityId")).isEqualTo(identityId);
        assertThat(AwsStandIns.identity().calls(FakeCognitoIdentity.GET_ID, identityId)).isEqualTo(1);

        Browser other = new Browser(base);
        assertThat(Http.json(other.get("api/session")).getString("identityId")).isNotEqualTo(identityId);
    }

    @Test
    void anApplicationsOwnProviderReplacesTheIdentityPool(
            @ArquillianResource @OperateOnDeployment("custom") URL base) {
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
