package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.support.Browser;
import dev.cognitoee.it.support.CognitoFixture;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraMicroProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro WITH its Hazelcast data grid (one member): the module finds Payara's JCache, says so at startup, and
 * its refresh single-flight, credentials cache and revocation list go through it. The three-node assertions (one
 * refresh and one fetch over three nodes, a sign-out seen by all) belong to the cluster test bed.
 */
class SharedStateIT extends StateScenarios {

    private static PayaraMicroProcess server;

    @BeforeAll
    static void boot() {
        deploy(wars -> server = PayaraMicroProcess.bootWithHazelcast("shared-state-it", wars, Map.of()));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * The price of a cluster-wide revocation list: each checked token not known as revoked is one grid read. Measured
     * on this one-member grid (the member owns every partition: no network hop); docs/RELIABILITY.md has the figure.
     */
    @Test
    void aRevocationLookupInTheGridCostsWellUnderAMillisecondOnOneMember() {
        URL revoked = payara.url("revoked");
        HttpResponse<String> signIn = new Browser(revoked).postJson("api/session/sign-in", Json.createObjectBuilder()
                .add("username", newUser()).add("password", CognitoFixture.PASSWORD).build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String token = Http.json(signIn).getString("accessToken");
        assertThat(Http.getWithBearer(revoked, "api/me", token).statusCode()).isEqualTo(200); // the list is open

        JsonObject cost = Http.json(Http.get(revoked, "api/grid/read-cost?reads=20000"));

        System.out.println("Grid read of the revocation list: " + cost);
        assertThat(cost.getInt("absent")).isEqualTo(40_000);
        assertThat(cost.getJsonNumber("nanosPerRead").longValue()).isPositive().isLessThan(1_000_000);
        assertThat(cost.getBoolean("perEntryExpiry")).as("revocations lapse with their tokens, entry by entry")
                .isTrue();
    }

    private static String newUser() {
        String username = "cost-" + UUID.randomUUID().toString().substring(0, 8);
        CognitoFixture.shared().createUser(username, "user");
        return username;
    }

    @Override
    String expectedStartupLine() {
        return "credentials cache and revocation list cluster-wide, in the server's JCache";
    }

    @Override
    boolean clustered() {
        return true;
    }
}
