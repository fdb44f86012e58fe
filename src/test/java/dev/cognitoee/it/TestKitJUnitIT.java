package dev.cognitoee.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.it.kit.KitSecurityConfig;
import dev.cognitoee.it.support.FreePort;
import dev.cognitoee.it.support.Http;
import dev.cognitoee.it.support.PayaraMicroProcess;
import dev.cognitoee.it.support.TestWars;
import dev.cognitoee.testkit.TestUserPool;
import dev.cognitoee.testkit.TokenFlaw;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test kit in a plain JUnit 5 test, no Arquillian (docs/TESTING.md, "JUnit"): the test starts the pool, then
 * Payara Micro with a WAR that carries no Cognito settings at all, handing it the kit's {@link TestUserPool#settings()}
 * as system properties, which MicroProfile Config reads.
 */
class TestKitJUnitIT {

    private static final String APP = "testkit-junit";
    private static TestUserPool pool;
    private static PayaraMicroProcess payara;

    @BeforeAll
    static void start() {
        pool = TestUserPool.start();
        payara = PayaraMicroProcess.boot("testkit-junit-it",
                List.of(TestWars.moduleWar(APP).addPackage(KitSecurityConfig.class.getPackage())),
                FreePort.next(), pool.settings());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void aValidTokenGetsInAndAnExpiredOneIsRefused() {
        URL base = payara.url(APP);

        HttpResponse<String> valid = Http.getWithBearer(base, "api/orders",
                pool.accessToken().username("carol").groups("admin").sign());
        HttpResponse<String> expired = Http.getWithBearer(base, "api/orders",
                pool.accessToken().username("carol").groups("admin").flaw(TokenFlaw.EXPIRED).sign());

        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body()).startsWith("orders of carol ");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer error=\"invalid_token\", error_description=\"the token has expired\"");
    }
}
