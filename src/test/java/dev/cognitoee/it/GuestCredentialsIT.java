package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.aws.AwsSecurityConfig;
import dev.cognitoee.it.support.AwsStandIns;
import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.Deployer;
import dev.cognitoee.it.support.FakeCognitoIdentity;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.SharedPayara;
import dev.cognitoee.it.support.TestWars;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The S3 application letting guests have identity-pool credentials of their own, kept for their HTTP session.
 */
@ExtendWith(SharedPayara.class)
class GuestCredentialsIT {

    private static URL base;

    @BeforeAll
    static void deploy(Deployer payara) {
        base = payara.deploy(guest()).url("guest");
    }

    static WebArchive guest() {
        FakeCognitoIdentity identity = AwsStandIns.identity();
        identity.allowUnauthenticated(true);
        Map<String, String> settings = AwsStandIns.applicationSettings();
        settings.put("cognito.allow-guest-access", "true");
        return TestWars.withApplicationAwsSdk(TestWars.war("guest", settings, AwsSecurityConfig.class.getPackage()));
    }

    @Test
    void guestsGetCredentialsOfTheirOwnKeptForTheirSession() {
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
}
