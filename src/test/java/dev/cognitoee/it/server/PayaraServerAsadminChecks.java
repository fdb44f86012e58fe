package dev.cognitoee.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.app.SecurityConfig;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraLog;
import dev.cognitoee.it.support.TestSettings;
import dev.cognitoee.it.support.TestWars;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's asadmin commands for the {@code cognito.*} keys, on the {@code payara-server} profile's running Payara
 * Server: a WAR with no settings of its own fails to deploy, naming the first missing key, until the keys are set
 * with {@code create-system-properties} (escaped colons) and {@code set-config-property --source=domain}; then the
 * module serves bearer tokens. Runs only in that profile (its name matches no failsafe pattern; the profile lists it).
 */
class PayaraServerAsadminChecks {

    private static final String APP = "asadmin-settings";
    /** Keys set as system properties (create-system-properties); the jwks-uri's colons are escaped. */
    private static final List<String> SYSTEM_PROPERTIES = List.of("cognito.user-pool-id", "cognito.client-id",
            "cognito.region", "cognito.jwks-uri");
    /** Keys set in Payara's domain config source (set-config-property). */
    private static final List<String> DOMAIN_CONFIG = List.of("cognito.endpoint", "cognito.issuer");

    private static Asadmin asadmin;
    private static File war;

    @BeforeAll
    static void exportWar() {
        asadmin = Asadmin.ofProfile();
        war = TestSettings.buildDir().resolve(APP + ".war").toFile();
        TestWars.war(APP, Map.of(), SecurityConfig.class.getPackage()).as(ZipExporter.class).exportTo(war, true);
    }

    @AfterEach
    void removeTheApplicationAndItsKeys() {
        List<String> commands = new ArrayList<>(List.of("undeploy " + APP));
        SYSTEM_PROPERTIES.forEach(key -> commands.add("delete-system-property " + key));
        DOMAIN_CONFIG.forEach(key -> commands.add("delete-config-property --source=domain --propertyName=" + key));
        asadmin.runAll(commands);
        assertThat(asadmin.run("list-system-properties").output()).as("no key left for the next check")
                .doesNotContain("cognito.");
    }

    private static URL app() {
        try {
            return URI.create("http://localhost:" + TestSettings.required("cognitoee.payaraServerHttpPort") + "/" + APP
                    + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutItsKeysTheDeploymentFailsNamingTheMissingKey() {
        Asadmin.Result deploy = asadmin.run("deploy", "--name", APP, war.getPath());

        assertThat(deploy.succeeded()).as(deploy.output()).isFalse();
        assertThat(PayaraLog.read()).contains("COGNITOEE-0011").contains("cognito.user-pool-id is missing");
        assertThat(Http.get(app(), "api/caller").statusCode()).as("nothing deployed").isEqualTo(404);
    }

    @Test
    void keysSetWithAsadminReachTheModule() {
        Map<String, String> settings = TestWars.poolSettings(CognitoFixture.shared());
        String properties = String.join(":", SYSTEM_PROPERTIES.stream()
                .map(key -> Asadmin.systemProperty(key, settings.get(key))).toList());
        Asadmin.Result created = asadmin.run("create-system-properties", properties);
        assertThat(created.succeeded()).as(created.output()).isTrue();
        for (String key : DOMAIN_CONFIG) {
            Asadmin.Result set = asadmin.run("set-config-property", "--source=domain", "--propertyName=" + key,
                    "--propertyValue=" + settings.get(key));
            assertThat(set.succeeded()).as(set.output()).isTrue();
        }
        Asadmin.Result jwks = asadmin.run("list-system-properties");
        assertThat(jwks.output()).as("the escaped colons are the URL's again").contains("cognito.jwks-uri=" + settings.get("cognito.jwks-uri"));

        Asadmin.Result deploy = asadmin.run("deploy", "--name", APP, war.getPath());
        assertThat(deploy.succeeded()).as(deploy.output()).isTrue();

        String alice = CognitoFixture.shared().signIn(CognitoFixture.ALICE).accessToken();
        HttpResponse<String> caller = Http.getWithBearer(app(), "api/caller", alice);
        assertThat(caller.statusCode()).as(caller.body()).isEqualTo(200);
        assertThat(Http.json(caller).getString("jwtName")).isEqualTo("alice");
        assertThat(Http.json(caller).getString("jwtIssuer")).isEqualTo(settings.get("cognito.issuer"));
        String bob = CognitoFixture.shared().signIn(CognitoFixture.BOB).accessToken();
        assertThat(Http.getWithBearer(app(), "api/admin", bob).statusCode()).isEqualTo(403);
        assertThat(Http.get(app(), "api/caller").headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }
}
